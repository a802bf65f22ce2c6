using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;

namespace Koostoo.Host.Pages.Networks;

/// <summary>One row of the launch form's member table, as typed.</summary>
public sealed record MemberRow(string Name, string Organisation, Sector Sector, string Email, string Phone, string Language)
{
    public static readonly MemberRow Empty = new("", "", Sector.Other, "", "", Languages.Estonian);

    /// <summary>Nothing typed: the form offers more rows than most networks fill, and those are no members.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Organisation)
                           && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>
/// The launch page's fields, read from the post as typed so that a rejected form comes back exactly as it was. The
/// field names are <see cref="LaunchCheck"/>'s error keys (<c>members[2].email</c>), so each message finds its field.
/// </summary>
public sealed class LaunchForm
{
    /// <summary>As many rows as the field's optimal network has members (8–10).</summary>
    public const int DefaultRows = LaunchCheck.OptimalMax;
    public const int MoreRows = 5;

    public string Name { get; init; } = "";
    public string Purpose { get; init; } = "";
    public NetworkType Type { get; init; } = NetworkType.ProblemSolving;
    public NetworkLevel Level { get; init; } = NetworkLevel.Municipality;
    public string TargetGroup { get; init; } = "";
    public string LeadOrganisation { get; init; } = "";
    public string StrategyReference { get; init; } = "";
    public bool Confidential { get; init; }
    public string CoordinatorName { get; init; } = "";
    public string CoordinatorEmail { get; init; } = "";
    public string Language { get; init; } = "et";
    /// <summary>The typed members, empty rows dropped, then empty rows up to the number of rows shown.</summary>
    public IReadOnlyList<MemberRow> Members { get; init; } = [];
    public string Agreements { get; init; } = "";
    /// <summary>The notices the coordinator was shown, so "launch anyway" confirms exactly what they read.</summary>
    public IReadOnlyList<string> Acknowledged { get; init; } = [];

    /// <summary>What a list field sent that it does not offer (a changed form, a script), by field: refused, never guessed.</summary>
    public IReadOnlyDictionary<string, string> UnknownChoices { get; init; } = new Dictionary<string, string>();

    /// <summary>The check's errors for <see cref="UnknownChoices"/>, naming the values the field takes.</summary>
    public void AddUnknownChoices(LaunchCheck check)
    {
        foreach (var (field, value) in UnknownChoices)
        {
            var allowed = field.EndsWith(".sector", StringComparison.Ordinal) ? Enum.GetNames<Sector>()
                : field == "type" ? Enum.GetNames<NetworkType>() : Enum.GetNames<NetworkLevel>();
            check.Errors[field] = [Words.Current["Launch.NotAllowed", value, string.Join(", ", allowed)]];
        }
    }

    public static LaunchForm Blank(string language) => new()
    {
        Language = language,
        Members = Enumerable.Repeat(MemberRow.Empty with { Language = language }, DefaultRows).ToList(),
        Agreements = string.Join("\n", DefaultAgreements.In(language)),
    };

    /// <param name="extraRows">Rows to add (the "more rows" button) beyond those the form had.</param>
    public static LaunchForm Read(IFormCollection form, int extraRows = 0)
    {
        string Text(string name) => form[name].ToString();
        var unknown = new Dictionary<string, string>();
        T Choice<T>(string name, T fallback) where T : struct, Enum
        {
            var text = Text(name);
            if (text.Length == 0) return fallback;
            // Names only: Enum.TryParse would also take "3", and "99" as a value that does not exist.
            if (Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)) return Enum.Parse<T>(text);
            unknown[name] = text;
            return fallback;
        }
        var posted = int.TryParse(Text("rows"), out var rows) ? Math.Clamp(rows, 1, 200) : DefaultRows;
        var members = Enumerable.Range(0, posted).Select(i => new MemberRow(
                Text($"members[{i}].name"), Text($"members[{i}].organisation"),
                Choice($"members[{i}].sector", Sector.Other),
                Text($"members[{i}].email"), Text($"members[{i}].phone"),
                Languages.Or(Text($"members[{i}].language"))))
            .Where(m => !m.IsEmpty).ToList();
        var language = Languages.Or(Text("language"));
        var shown = Math.Max(posted, members.Count + 1) + extraRows;
        return new LaunchForm
        {
            Name = Text("name"),
            Purpose = Text("purpose"),
            Type = Choice("type", NetworkType.ProblemSolving),
            Level = Choice("level", NetworkLevel.Municipality),
            TargetGroup = Text("targetGroup"),
            LeadOrganisation = Text("leadOrganisation"),
            StrategyReference = Text("strategyReference"),
            Confidential = form["confidential"].Contains("true"),
            CoordinatorName = Text("coordinatorName"),
            CoordinatorEmail = Text("coordinatorEmail"),
            Language = language,
            // Kept rows first: the check numbers members as they are sent, and the page then numbers them the same.
            Members = members.Concat(Enumerable.Repeat(MemberRow.Empty with { Language = language }, shown - members.Count)).ToList(),
            Agreements = Text("agreements"),
            Acknowledged = form["acknowledged"].Select(n => n ?? "").ToList(),
            UnknownChoices = unknown,
        };
    }

    public LaunchRequest ToRequest() => new()
    {
        Name = Name,
        Purpose = Purpose,
        Type = Type,
        Level = Level,
        TargetGroup = TargetGroup,
        LeadOrganisation = LeadOrganisation,
        StrategyReference = StrategyReference,
        Confidential = Confidential,
        CoordinatorName = CoordinatorName,
        CoordinatorEmail = CoordinatorEmail,
        Language = Language,
        Members = Members.Where(m => !m.IsEmpty).Select(m => new MemberDraft
        {
            Name = m.Name, Organisation = m.Organisation, Sector = m.Sector, Email = m.Email, Phone = m.Phone, Language = m.Language,
        }).ToList(),
        // A textarea the coordinator emptied means no agreements, not the defaults: they were shown and removed.
        Agreements = Agreements.Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0).ToList(),
    };
}

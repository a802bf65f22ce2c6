using System.Net.Mail;
using Koostoo.Networks.Members;

namespace Koostoo.Networks.Launch;

/// <summary>
/// What the field knows about starting a network, checked before anything is saved. Errors stop the launch
/// (no goal, no coordinator, a bad or repeated email, a nameless member); notices only advise (a size outside
/// 8–10, sectors nobody represents). Keys are the form's field names, so the page puts each message by its field.
/// </summary>
public sealed class LaunchCheck
{
    public const int OptimalMin = 8;
    public const int OptimalMax = 10;

    public Dictionary<string, List<string>> Errors { get; } = new();
    public List<string> Notices { get; } = [];
    public IReadOnlyList<Sector> MissingSectors { get; private set; } = [];
    public bool IsValid => Errors.Count == 0;

    private static readonly Sector[] FieldSectors = [Sector.Social, Sector.Education, Sector.Health, Sector.Youth];

    public static LaunchCheck Run(LaunchRequest request)
    {
        var check = new LaunchCheck();
        if (string.IsNullOrWhiteSpace(request.Name)) check.Error("name", "Anna võrgustikule nimi. / Give the network a name.");
        if (string.IsNullOrWhiteSpace(request.Purpose))
            check.Error("purpose", "Kirjuta eesmärk enne, kui kedagi kutsud: miks võrgustik on vaja? / Write the goal before inviting anyone: why is the network needed?");
        if (string.IsNullOrWhiteSpace(request.CoordinatorName)) check.Error("coordinatorName", "Koordinaatori nimi on puudu. / The coordinator's name is missing.");
        if (!IsEmail(request.CoordinatorEmail)) check.Error("coordinatorEmail", "Koordinaatori e-post ei ole korrektne. / The coordinator's email is not valid.");
        if (request.Members.Count == 0) check.Error("members", "Lisa vähemalt üks liige. / Add at least one member.");
        if (request.DefinitionId == Reviews.NetworkReview.DefinitionId)
            check.Error("definitionId", $"„{request.DefinitionId}“ on võrgustiku ülevaate töövoog; see käivitatakse võrgustiku lehelt, mitte võrgustikuna. / '{request.DefinitionId}' is a network review's workflow: it is started from a network's page, not launched as a network.");

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < request.Members.Count; i++)
        {
            var member = request.Members[i];
            if (string.IsNullOrWhiteSpace(member.Name)) check.Error($"members[{i}].name", "Liikme nimi on puudu. / The member's name is missing.");
            if (!IsEmail(member.Email)) check.Error($"members[{i}].email", $"'{member.Email}' ei ole korrektne e-post. / '{member.Email}' is not a valid email.");
            else if (seen.TryGetValue(member.Email.Trim(), out var first))
                check.Error($"members[{i}].email", $"Sama e-post on juba liikmel {first + 1}. / The same email is already used by member {first + 1}.");
            else seen[member.Email.Trim()] = i;
        }

        foreach (var (agreement, i) in (request.Agreements ?? []).Select((a, i) => (a, i)))
            if (agreement.Length > 1000) check.Error($"agreements[{i}]", "Kokkulepe on liiga pikk (kuni 1000 märki). / The agreement is too long (1000 characters at most).");

        var size = request.Members.Count;
        if (size > 0 && (size < OptimalMin || size > OptimalMax))
            check.Notices.Add($"Võrgustikus on {size} liiget; parim töökoosseis on {OptimalMin}–{OptimalMax}. / The network has {size} members; {OptimalMin}–{OptimalMax} is held to be the best working size.");
        check.MissingSectors = FieldSectors.Where(s => request.Members.All(m => m.Sector != s)).ToList();
        if (size > 0 && check.MissingSectors.Count > 0)
            check.Notices.Add($"Keegi ei esinda valdkondi: {string.Join(", ", check.MissingSectors.Select(s => SectorNames.In(s, "et")))}. / Nobody represents: {string.Join(", ", check.MissingSectors.Select(s => SectorNames.In(s, "en")))}.");
        return check;
    }

    private void Error(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        list.Add(message);
    }

    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && text.Contains('.');
}

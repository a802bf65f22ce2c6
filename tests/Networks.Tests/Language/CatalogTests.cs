using System.Text.RegularExpressions;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Goals;
using Koostoo.Language;
using Koostoo.Networks.Members;

namespace Koostoo.Networks.Tests.Language;

/// <summary>
/// The word catalog as a translator leaves it (docs/translating.md): every entry in every shipped language, with the
/// same placeholders, and every entry the code reads present. A failure lists what is missing, so it is the to-do list.
/// </summary>
public partial class CatalogTests
{
    private static readonly string[] PluralForms = ["one", "few", "many", "other"];

    public static TheoryData<string> Translations => new(Languages.All.Where(l => l != Languages.Estonian));

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_entry_reads_in_every_shipped_language(string language)
    {
        var translated = Words.KeysOf(language);
        var missing = Words.KeysOf(Languages.Estonian).Where(k => !translated.Contains(k)).Order().ToList();
        missing.Should().BeEmpty($"the {language} catalog (Words.{language}.resx) has every Estonian entry");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_the_placeholders_of_the_Estonian(string language)
    {
        var estonian = Words.In(Languages.Estonian);
        var words = Words.In(language);
        // A plural form Estonian does not have (Russian "few") fills in what Estonian's "other" does.
        string? Original(string key) => !estonian[key].ResourceNotFound ? estonian[key].Value
            : PluralBase(key) is { } plural ? estonian[$"{plural}.other"].Value : null;
        var differing = Words.KeysOf(language)
            .Where(k => Original(k) is { } original && !Placeholders(words[k]).SetEquals(Placeholders(original)))
            .Order().ToList();
        differing.Should().BeEmpty("a translation fills in the same values as the Estonian it translates");
    }

    [Fact]
    public void Russian_has_every_plural_form_the_Estonian_counts_with()
    {
        var russian = Words.KeysOf("ru");
        var missing = Words.KeysOf(Languages.Estonian).Select(PluralBase).OfType<string>().Distinct()
            .SelectMany(b => PluralForms.Select(f => $"{b}.{f}"))
            .Where(k => !russian.Contains(k)).ToList();
        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_entry_the_code_reads_is_in_the_catalog()
    {
        var estonian = Words.KeysOf(Languages.Estonian);
        var root = RepositoryRoot();
        var read = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyRead().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Key: m.Groups["key"].Value)))
            .ToList();
        read.Should().HaveCountGreaterThan(500, "the pages, mails, sheets and history read their words from the catalog");
        read.Where(r => !estonian.Contains(r.Key) && !estonian.Contains($"{r.Key}.other")).Select(r => $"{r.File}: {r.Key}").Should().BeEmpty();
    }

    [Fact]
    public void Every_kind_and_state_a_page_names_has_its_words()
    {
        var estonian = Words.KeysOf(Languages.Estonian);
        var named = new[] { typeof(NetworkType), typeof(NetworkLevel), typeof(NetworkStatus), typeof(MemberStatus), typeof(GoalStatus), typeof(ActionStatus), typeof(Sector) }
            .SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}"));
        named.Where(k => !estonian.Contains(k)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, "1 день"), InlineData(2, "2 дня"), InlineData(5, "5 дней"), InlineData(11, "11 дней"), InlineData(21, "21 день"), InlineData(24, "24 дня")]
    public void Russian_counts_take_the_form_their_number_wants(int days, string expected) =>
        Words.In("ru").Count("Silence.Days", days).Should().Be(expected);

    [Fact]
    public void Estonian_and_English_counts_read_as_before()
    {
        Words.In("et").Count("Silence.Days", 1).Should().Be("1 päev");
        Words.In("et").Count("Silence.Days", 3).Should().Be("3 päeva");
        Words.In("en").Count("Silence.Hours", 1).Should().Be("1 hour");
        Words.In("en").Count("Silence.Hours", 5).Should().Be("5 hours");
    }

    [Fact]
    public void Each_language_writes_a_day_its_own_way()
    {
        var day = new DateOnly(2026, 12, 3);
        DateText.InWords(day, "et").Should().Be("3. detsember 2026");
        DateText.InWords(day, "en").Should().Be("3 December 2026");
        DateText.InWords(day, "ru").Should().Be("3 декабря 2026", "the month in the genitive, as a Russian date is read");
        DateText.InFigures(day, "ru").Should().Be("03.12.2026");
    }

    [Fact]
    public void An_unknown_language_reads_Estonian() =>
        Words.In("fi")["Layout.SignOut"].Value.Should().Be("Logi välja");

    private static string? PluralBase(string key) =>
        PluralForms.FirstOrDefault(f => key.EndsWith($".{f}", StringComparison.Ordinal)) is { } form ? key[..^(form.Length + 1)] : null;

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Koostoo.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)")]
    private static partial Regex Placeholder();

    /// <summary>A catalog key as code names it: <c>W["Respond.ThisLinkDoesNotExist"</c>, <c>Localized.Text("Actions.Note"</c>, <c>Count("Silence.Days"</c>.</summary>
    [GeneratedRegex(@"(?:\[|Localized\.Text\(|\.Count\()""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyRead();
}

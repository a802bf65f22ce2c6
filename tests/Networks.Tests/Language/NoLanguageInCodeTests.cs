using System.Text.RegularExpressions;

namespace Koostoo.Networks.Tests.Language;

/// <summary>
/// Nothing of a language is decided in code: no comparison with a language code, no Estonian-and-English pair of
/// words, no "Estonian. / English." sentence, no property per language. The one place that names the languages
/// (src/Language) is left out; a failure lists each line found.
/// </summary>
public partial class NoLanguageInCodeTests
{
    [Fact]
    public void No_code_decides_a_language_or_pairs_words_by_language()
    {
        var root = RepositoryRoot();
        var language = Path.Combine(root, "src", "Language");
        var found = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".liquid", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(language, StringComparison.Ordinal) && !Generated().IsMatch(f))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => LanguageInCode().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        found.Should().BeEmpty("words come from the catalog (src/Language, docs/translating.md)");
    }

    [Theory]
    [InlineData("""var english = language == "en";""")]
    [InlineData("""lang != "et" ? a : b""")]
    [InlineData("""{% if language == "ru" %}""")]
    [InlineData("""string T(string et, string en) => lang == "en" ? en : et;""")]
    [InlineData("""@T("Logi välja", "Sign out")""")]
    [InlineData("""throw new ConflictException("Samm on suletud. / The step is closed.");""")]
    [InlineData("""errors[field] = [$"{et} on puudu. / {en} is missing."];""")]
    [InlineData("""public string? RoleEt { get; set; }""")]
    [InlineData("""new LocalizedText(new Dictionary<string, string> { ["et"] = a, ["en"] = b })""")]
    public void What_the_check_finds(string line) => LanguageInCode().IsMatch(line).Should().BeTrue();

    [Theory]
    [InlineData("""var W = Words.In(lang);""")]
    [InlineData("""throw new ConflictException(Words.Current["Problems.TheStepIsBusyTryAgain"]);""")]
    [InlineData("""public string? Token { get; set; }""")]
    [InlineData("""// the history's sentences, told in the reader's language / as they were""")]
    public void What_the_check_lets_be(string line) => LanguageInCode().IsMatch(line).Should().BeFalse();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Koostoo.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    /// <summary>A comparison with a language code, an indexer by one, a T("…", "…") pair, a bilingual sentence, a property per language.</summary>
    [GeneratedRegex("""[=!]=\s*"(et|en|ru)"|"(et|en|ru)"\s*[=!]=|\bis\s+"(et|en|ru)"|\["(et|en|ru)"\]|\bT\(\s*\$?"[^"]*",\s*\$?"|[.?!]\s/\s(\{|'|[A-Z][a-z]+\s[a-z]+).*"|\b[A-Z][A-Za-z]*[a-z](Et|En)\b""")]
    private static partial Regex LanguageInCode();

    [GeneratedRegex(@"[/\\](obj|bin|node_modules|Migrations)[/\\]")]
    private static partial Regex Generated();
}

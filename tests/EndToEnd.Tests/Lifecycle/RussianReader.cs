using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Lifecycle;

/// <summary>
/// What a Russian-speaking reader got, checked for words not in Russian: every word in Latin letters must be one the
/// people typed themselves (names, answers, the network's name), a name (<see cref="Names"/>) or an address; whatever
/// else is left is an Estonian or English word the catalog or a definition failed to translate. Links to the other languages, marked with their
/// own <c>lang</c>, are meant to be read in those languages and are left out.
/// </summary>
public sealed partial class RussianReader(IEnumerable<string> typedByPeople)
{
    /// <summary>Names read as they are in Russian too: the service's, the goal method's (SMART-цель), the file formats'.</summary>
    private static readonly string[] Names = ["Koostöö", "SMART", "xlsx", "csv"];

    private readonly HashSet<string> _people = typedByPeople.Concat(Names).SelectMany(LatinWords).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];

    public int Read { get; private set; }

    public void Mail(MimeMessage message)
    {
        Check($"mail “{message.Subject}” (subject)", message.Subject ?? "");
        Check($"mail “{message.Subject}” (text)", message.TextBody ?? "");
        Check($"mail “{message.Subject}” (html)", TextOf(message.HtmlBody ?? ""));
    }

    public void Page(string what, string html) => Check(what, TextOf(html));

    /// <summary>Fails listing every place an untranslated word was found.</summary>
    public void ShouldHaveFoundOnlyRussian() =>
        _problems.Should().BeEmpty("a Russian-speaking reader gets every word that nobody typed in Russian ({0} mails and pages read)", Read);

    private void Check(string what, string text)
    {
        Read++;
        var withoutAddresses = Address().Replace(text, " ");
        var foreign = LatinWords(withoutAddresses).Where(w => !_people.Contains(w)).Distinct().ToList();
        if (text.Trim().Length > 0 && !Cyrillic().IsMatch(withoutAddresses))
            _problems.Add($"{what}: no Russian at all");
        if (foreign.Count > 0)
            _problems.Add($"{what}: {string.Join(", ", foreign)}");
    }

    /// <summary>The text a reader sees: no markup, no script or style, no element in another language.</summary>
    private static string TextOf(string html)
    {
        var visible = Hidden().Replace(html, " ");
        visible = OtherLanguage().Replace(visible, " ");
        return WebUtility.HtmlDecode(Tag().Replace(visible, " "));
    }

    private static IEnumerable<string> LatinWords(string text) => LatinWord().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[A-Za-zÕÄÖÜõäöüŠšŽž]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w.-]+\.\w+|\S+\.(ics|xlsx|csv)\b")]
    private static partial Regex Address();

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(\w+)\b[^>]*\slang=""(?!ru)[a-z]{2}""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex OtherLanguage();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}

using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Koostoo.Language;

/// <summary>
/// Every word a person reads, one catalog per language: <c>Words.resx</c> holds the Estonian, <c>Words.en.resx</c> and
/// <c>Words.ru.resx</c> the others, under the same keys (docs/translating.md). A key missing in a language reads in
/// Estonian. Pages, mails, sheets and history all read it through <see cref="In"/>, since most of them are written for
/// a member or a coordinator whose language is not the request's.
/// </summary>
public sealed class Words : IStringLocalizer
{
    internal static readonly ResourceManager Catalog = new(typeof(Words).FullName!, typeof(Words).Assembly);

    private static readonly Dictionary<string, Words> ByLanguage = Languages.All.ToDictionary(l => l, l => new Words(l));

    private readonly CultureInfo _culture;

    private Words(string language)
    {
        Language = language;
        _culture = Languages.Culture(language);
    }

    /// <summary>The catalog of a language; an unknown one gets Estonian.</summary>
    public static Words In(string? language) => ByLanguage[Languages.Or(language)];

    /// <summary>
    /// The words of the request being served: ASP.NET Core's request localization sets its culture, so a check that
    /// refuses what a request asked (a launch, a plan change) answers in that request's language, as .NET's own
    /// validation messages do. Outside a request, Estonian.
    /// </summary>
    public static Words Current => In(Languages.Of(CultureInfo.CurrentUICulture));

    public string Language { get; }

    /// <summary>The culture of the language: its dates, numbers and list separator.</summary>
    public CultureInfo Culture => _culture;

    /// <summary>
    /// An entry as it reads. Every entry is a .NET composite format, so a brace that is text is written twice
    /// (<c>{{</c>) in every file, whether or not the entry takes values; here it reads once.
    /// </summary>
    public LocalizedString this[string name]
    {
        get
        {
            var value = Catalog.GetString(name, _culture);
            return new LocalizedString(name, value?.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal) ?? name,
                resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = Catalog.GetString(name, _culture);
            return format is null
                ? new LocalizedString(name, name, resourceNotFound: true)
                : new LocalizedString(name, string.Format(_culture, format, arguments), resourceNotFound: false);
        }
    }

    /// <summary>
    /// A count with its noun in the form the language wants (<c>1 päev</c>, <c>2 päeva</c>; <c>1 день</c>, <c>2 дня</c>,
    /// <c>5 дней</c>): the catalog holds one entry per plural form, <c>key.one</c>, <c>key.few</c>, <c>key.many</c>,
    /// <c>key.other</c>, each with <c>{0}</c> for the number; a form a language lacks falls back to <c>key.other</c>.
    /// </summary>
    public string Count(string key, decimal count)
    {
        var form = this[$"{key}.{PluralForm.Of(Language, count)}", count];
        return form.ResourceNotFound ? this[$"{key}.other", count] : form;
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = Catalog.GetResourceSet(_culture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null)
            yield break;
        foreach (System.Collections.DictionaryEntry entry in set)
            yield return new LocalizedString((string)entry.Key, (string)entry.Value!, resourceNotFound: false);
    }

    /// <summary>The keys a language's own file holds, without the Estonian it falls back to: what a translator has done.</summary>
    public static IReadOnlySet<string> KeysOf(string language)
    {
        var set = Catalog.GetResourceSet(Languages.Culture(language), createIfNotExists: true, tryParents: false);
        return set is null ? new HashSet<string>() : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
    }

    public static Assembly Assembly => typeof(Words).Assembly;
}

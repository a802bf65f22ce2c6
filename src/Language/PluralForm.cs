namespace Koostoo.Language;

/// <summary>
/// Which plural form a count takes, by the Unicode CLDR plural rules for cardinals: the catalog's words carry the
/// forms, this only says which one a number needs. Estonian and English have "one" and "other"; Russian "one"
/// (1, 21, 101), "few" (2–4, 22–24), "many" (0, 5–20, 25) and "other" (fractions). A new language with other rules adds them here.
/// </summary>
public static class PluralForm
{
    private static readonly Dictionary<string, Func<decimal, string>> Rules = new()
    {
        ["ru"] = n => n % 10 == 1 && n % 100 != 11 ? "one"
            : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "few"
            : "many",
    };

    /// <summary>A fraction (1,5 hours) takes "other" in every language Koostöö speaks.</summary>
    public static string Of(string language, decimal count)
    {
        var n = Math.Abs(count);
        if (n != decimal.Truncate(n))
            return "other";
        return Rules.TryGetValue(language, out var rule) ? rule(n) : n == 1 ? "one" : "other";
    }
}

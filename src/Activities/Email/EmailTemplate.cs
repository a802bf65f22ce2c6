using Fluid;

namespace Koostoo.Activities.Email;

/// <summary>
/// A named email: subject, plain text and HTML body in Estonian and maybe English, parsed once.
/// <see cref="Variables"/> is what the sender has to provide (besides <c>recipient</c>, and <c>reply_hint</c>, which the
/// service sets only when replies are read).
/// </summary>
public sealed class EmailTemplate
{
    internal sealed record Parts(IFluidTemplate Subject, IFluidTemplate Text, IFluidTemplate Html);

    private readonly IReadOnlyDictionary<string, Parts> _languages;

    internal EmailTemplate(string name, IReadOnlyDictionary<string, Parts> languages)
    {
        Name = name;
        _languages = languages;
        Variables = languages.Values
            .SelectMany(p => new[] { p.Subject, p.Text, p.Html })
            .SelectMany(Liquid.FreeVariables)
            .Where(v => v is not (TemplateCatalog.RecipientVariable or TemplateCatalog.ReplyHintVariable))
            .ToHashSet(StringComparer.Ordinal);
    }

    public string Name { get; }
    public IReadOnlyCollection<string> Languages => _languages.Keys.ToList();
    public IReadOnlySet<string> Variables { get; }

    /// <summary>The texts in the language, or in Estonian when the template has no such language; HTML still without the layout.</summary>
    internal (string Subject, string Text, string HtmlFragment) Render(string language, IReadOnlyDictionary<string, object?> scope)
    {
        var parts = _languages.TryGetValue(language, out var own) ? own : _languages[Workflows.Definitions.LocalizedText.DefaultLanguage];
        return (Liquid.Render(parts.Subject, scope, NullEncoder.Default),
            Liquid.Render(parts.Text, scope, NullEncoder.Default),
            Liquid.Render(parts.Html, scope, Liquid.Html));
    }
}

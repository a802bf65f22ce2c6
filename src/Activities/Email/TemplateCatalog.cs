using Koostoo.Language;
using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Activities.Email;

/// <summary>
/// The email templates: <c>Templates/&lt;name&gt;/&lt;language&gt;.&lt;subject|text|html&gt;.liquid</c> plus the HTML
/// layout <c>Templates/_layout.html.liquid</c> every HTML body is wrapped in (docs/email.md). Loading parses
/// every file and fails with all problems at once, so a broken template never waits for the first send.
/// </summary>
public sealed partial class TemplateCatalog
{
    /// <summary>Every template and inline text sees the recipient: { name, email, language, role }.</summary>
    public const string RecipientVariable = "recipient";
    /// <summary>The line that says how to answer a request by replying; set only when replies are read.</summary>
    public const string ReplyHintVariable = "reply_hint";
    private const string LayoutFile = "_layout.html.liquid";
    private const string ResourcePrefix = "Koostoo.Email.Templates/";
    private static readonly string[] PartNames = ["subject", "text", "html"];
    private static readonly Lazy<TemplateCatalog> ShippedCatalog = new(LoadShipped);

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)/(?<language>[a-z]{2})\.(?<part>subject|text|html)\.liquid$")]
    private static partial Regex TemplateFile();

    private readonly IReadOnlyDictionary<string, EmailTemplate> _templates;
    private readonly IFluidTemplate _layout;

    private TemplateCatalog(IReadOnlyDictionary<string, EmailTemplate> templates, IFluidTemplate layout)
    {
        _templates = templates;
        _layout = layout;
    }

    /// <summary>The templates built into this assembly (src/Activities/Email/Templates).</summary>
    public static TemplateCatalog Shipped => ShippedCatalog.Value;

    public IReadOnlyCollection<string> Names => _templates.Keys.Order().ToList();

    public EmailTemplate? Find(string name) => _templates.GetValueOrDefault(name);

    /// <summary>Loads templates from (path relative to the Templates folder, text) pairs; throws <see cref="TemplateException"/> with every problem.</summary>
    public static TemplateCatalog Load(IEnumerable<KeyValuePair<string, string>> files)
    {
        var problems = new List<string>();
        var parsed = new Dictionary<string, Dictionary<string, Dictionary<string, IFluidTemplate>>>(StringComparer.Ordinal);
        IFluidTemplate? layout = null;
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var template = Parse(path, text, problems);
            if (path == LayoutFile)
            {
                layout = template;
                continue;
            }
            var match = TemplateFile().Match(path);
            if (!match.Success)
            {
                problems.Add(Words.Current["Email.TemplateCatalog.NotATemplateFileNameExpected", path].Value);
                continue;
            }
            var language = match.Groups["language"].Value;
            if (!Languages.All.Contains(language))
                problems.Add(Words.Current["Email.TemplateCatalog.IsNotALanguageMailIs", path, language, string.Join(", ", Languages.All)].Value);
            if (template is null) continue;
            var byLanguage = parsed.TryGetValue(match.Groups["name"].Value, out var l) ? l : parsed[match.Groups["name"].Value] = new(StringComparer.Ordinal);
            var parts = byLanguage.TryGetValue(language, out var p) ? p : byLanguage[language] = new(StringComparer.Ordinal);
            parts[match.Groups["part"].Value] = template;
        }
        if (layout is null && !problems.Any(p => p.StartsWith(LayoutFile, StringComparison.Ordinal)))
            problems.Add(Words.Current["Email.TemplateCatalog.TheHTMLLayoutIsMissing", LayoutFile].Value);

        var templates = new Dictionary<string, EmailTemplate>(StringComparer.Ordinal);
        foreach (var (name, byLanguage) in parsed)
        {
            if (!byLanguage.ContainsKey(LocalizedText.DefaultLanguage))
                problems.Add(Words.Current["Email.TemplateCatalog.HasNoEstonianEtTextsWhich", name].Value);
            foreach (var (language, parts) in byLanguage)
                foreach (var missing in PartNames.Where(n => !parts.ContainsKey(n)))
                    if (!problems.Any(p => p.StartsWith($"{name}/{language}.{missing}.", StringComparison.Ordinal)))
                        problems.Add(Words.Current["Email.TemplateCatalog.LiquidMissingALanguageNeedsSubject", name, language, missing].Value);
            if (problems.Count == 0)
                templates[name] = new EmailTemplate(name, byLanguage.ToDictionary(l => l.Key,
                    l => new EmailTemplate.Parts(l.Value["subject"], l.Value["text"], l.Value["html"])));
        }
        if (problems.Count > 0) throw new TemplateException(problems);
        return new TemplateCatalog(templates, layout!);
    }

    /// <summary>A template in the recipient's language (Estonian when it has no such language), HTML in the layout.</summary>
    public RenderedEmail Render(EmailTemplate template, string language, IReadOnlyDictionary<string, object?> scope)
    {
        var (subject, text, html) = template.Render(language, scope);
        return Compose(subject, text, html, language, answeredByReply: scope.GetValueOrDefault(ReplyHintVariable) is not null);
    }

    /// <summary>Puts the HTML fragment into the layout; subject on one line.</summary>
    /// <param name="answeredByReply">The mail may be answered by replying: the layout then does not ask people not to reply.</param>
    public RenderedEmail Compose(string subject, string text, string htmlFragment, string language, bool answeredByReply = false)
    {
        subject = Regex.Replace(subject, @"\s+", " ").Trim();
        var html = Liquid.Render(_layout, new Dictionary<string, object?>
        {
            ["content"] = htmlFragment,
            ["subject"] = subject,
            ["language"] = language,
            // The footer is the catalog's, like every word not in a mail's own files.
            ["footer"] = Words.In(language)[answeredByReply ? "Mail.FooterAutomatic" : "Mail.FooterDoNotReply"].Value,
        }, Liquid.Html);
        return new RenderedEmail(subject, text.Trim() + "\n", html);
    }

    private static IFluidTemplate? Parse(string path, string text, List<string> problems)
    {
        if (Liquid.TryParse(text, out var template, out var error)) return template;
        problems.Add($"{path}: {error}");
        return null;
    }

    private static TemplateCatalog LoadShipped()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        return Load(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => KeyValuePair.Create(n[ResourcePrefix.Length..], Read(assembly, n))));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}

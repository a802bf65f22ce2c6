using Koostoo.Language;
using System.Text.Json.Nodes;
using Fluid;
using Koostoo.Activities.Networks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using MimeKit;

namespace Koostoo.Activities.Email;

/// <summary>
/// Writes one outbox row per recipient, in the recipient's language, in the workflow's own transaction; the
/// host delivers after commit. Text comes from a template (<c>template</c> + <c>model</c>) or inline
/// (<c>subject</c> + <c>body</c>), both Liquid, both checked when the definition is loaded (docs/email.md).
/// </summary>
[Activity("SendEmail", Category = "Email")]
public sealed class SendEmail : Activity
{
    private const string Variables = "variables";
    private const string Input = "input";

    [Input(Required = true, UiHint = "list")]
    public List<string> To { get; set; } = [];

    [Input]
    public string? Template { get; set; }

    [Input(UiHint = "json")]
    public JsonObject? Model { get; set; }

    [Input]
    public LocalizedText? Subject { get; set; }

    [Input(UiHint = "multiline")]
    public LocalizedText? Body { get; set; }

    [Input(UiHint = "json")]
    public List<EmailAttachment>? Attachments { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (await NetworkPeople.ForAsync(context) is not { } people)
            return ActivityResult.Fault(Words.Current["Email.SendEmail.MailGoesOnlyToThePeople"].Value);
        var resolution = RecipientResolver.Resolve(To, people);
        if (resolution.Problems.Count > 0)
            return ActivityResult.Fault(string.Join(" ", resolution.Problems));
        foreach (var note in resolution.Notes) context.Log(note);

        var catalog = TemplateCatalog.Shipped;
        var template = Template is null ? null : catalog.Find(Template)
            ?? throw new InvalidOperationException(Words.Current["Email.SendEmail.ThereIsNoEmailTemplate", Template].Value);
        var attachments = Outbox.AttachmentsJson(Attachments);
        var model = ParseModel();
        var inline = template is null ? (Subject: ParseTexts(Subject!), Body: ParseTexts(Body!)) : default;

        var rows = new List<OutboxMessage>();
        var network = NetworkPeople.Loaded(context)!;
        foreach (var recipient in resolution.Recipients)
        {
            // A confidential network's mail tells only that there is news; the coordinator's leads to the network's page.
            var email = network.Confidential
                ? ConfidentialMail.Render(network, recipient, request: false,
                    recipient.Kind == RecipientKind.Coordinator ? Requests.RequestMail.Links(context).Network(network.Id) : null)
                : template is not null
                    ? catalog.Render(template, recipient.Language, ModelFor(model, recipient, context))
                    : Inline(catalog, inline.Subject, inline.Body, recipient, ModelFor(model, recipient, context));
            rows.Add(Outbox.Queue(context, recipient, email, resolution.Coordinator, attachments));
        }
        Outbox.DeliverAfterCommit(context, rows);
        return ActivityResult.Done();
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        foreach (var (entry, i) in To.Select((e, i) => (e, i)))
            if (RecipientResolver.SyntaxProblem(entry) is { } problem)
                yield return new($"{context.InputPath("to")}[{i}]", problem);

        var provided = (Model ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in Model ?? [])
            foreach (var text in ModelTexts(value))
                foreach (var problem in CheckLiquid(text, [Variables, Input, TemplateCatalog.RecipientVariable]))
                    yield return new($"{context.InputPath("model")}.{name}", problem);

        foreach (var (attachment, i) in (Attachments ?? []).Select((a, i) => (a, i)))
        {
            var path = $"{context.InputPath("attachments")}[{i}]";
            if (string.IsNullOrWhiteSpace(attachment.FileName) || attachment.FileName.IndexOfAny(['/', '\\']) >= 0)
                yield return new($"{path}.fileName", Words.Current["Email.SendEmail.AnAttachmentNeedsAFileName"].Value);
            if (string.IsNullOrWhiteSpace(attachment.ContentType) || !ContentType.TryParse(attachment.ContentType, out _))
                yield return new($"{path}.contentType", Words.Current["Email.SendEmail.IsNotAContentTypeSuch", attachment.ContentType].Value);
            if (attachment.Content is null)
                yield return new($"{path}.content", Words.Current["Email.SendEmail.AnAttachmentNeedsContent"].Value);
        }

        if (Template is not null)
        {
            if (Subject is not null || Body is not null)
                yield return new(context.InputPath("template"), Words.Current["Email.SendEmail.GiveEitherATemplateOrA"].Value);
            var template = TemplateCatalog.Shipped.Find(Template);
            if (template is null)
            {
                yield return new(context.InputPath("template"),
                    Words.Current["Email.SendEmail.ThereIsNoEmailTemplateThe", Template, string.Join(", ", TemplateCatalog.Shipped.Names)].Value);
                yield break;
            }
            var missing = template.Variables.Where(v => !provided.Contains(v)).Order().ToList();
            if (missing.Count > 0)
                yield return new(context.InputPath("template"),
                    Words.Current["Email.SendEmail.TheTemplateUsesWhichModelDoes", Template, string.Join(", ", missing.Select(m => $"'{m}'"))].Value);
            yield break;
        }

        if (Subject is null || Subject.IsEmpty)
            yield return new(context.InputPath("subject"), Words.Current["Email.SendEmail.WithoutATemplateASubjectIs"].Value);
        if (Body is null || Body.IsEmpty)
            yield return new(context.InputPath("body"), Words.Current["Email.SendEmail.WithoutATemplateABodyIs"].Value);
        string[] inScope = [.. provided, Variables, Input, TemplateCatalog.RecipientVariable];
        foreach (var (input, text) in new[] { ("subject", Subject), ("body", Body) })
            foreach (var (language, value) in text?.Values ?? new Dictionary<string, string>())
                foreach (var problem in CheckLiquid(value, inScope))
                    yield return new($"{context.InputPath(input)}.{language}", problem);
    }

    private static IEnumerable<string> CheckLiquid(string text, IReadOnlyCollection<string> inScope)
    {
        if (!Liquid.TryParse(text, out var template, out var error))
        {
            yield return $"Not valid Liquid: {error}";
            yield break;
        }
        var unknown = Liquid.FreeVariables(template).Where(v => !inScope.Contains(v)).Order().ToList();
        if (unknown.Count > 0)
            yield return Words.Current["Email.SendEmail.UsesWhichIsNotProvidedHere", string.Join(", ", unknown.Select(u => $"'{u}'")), string.Join(", ", inScope)].Value;
    }

    /// <summary>A model value is Liquid text, text per language ({ et, en }, each Liquid), or any other JSON value used as it is.</summary>
    private static IEnumerable<string> ModelTexts(JsonNode? value) =>
        IsLocalized(value) ? value!.AsObject().Select(p => p.Value!.GetValue<string>())
        : value is JsonValue v && v.TryGetValue<string>(out var text) ? [text]
        : [];

    private static bool IsLocalized(JsonNode? value) =>
        value is JsonObject obj && obj.Count > 0 && obj.All(p => Languages.All.Contains(p.Key) && p.Value is JsonValue v && v.TryGetValue<string>(out _));

    private sealed record ModelEntry(JsonNode? Value, IReadOnlyDictionary<string, IFluidTemplate> Texts);

    /// <summary>Each model value with its Liquid parsed once, to be rendered per recipient.</summary>
    private Dictionary<string, ModelEntry> ParseModel() =>
        (Model ?? []).ToDictionary(p => p.Key, p => new ModelEntry(p.Value, IsLocalized(p.Value)
            ? p.Value!.AsObject().ToDictionary(l => l.Key, l => ParseValid(l.Value!.GetValue<string>()))
            : p.Value is JsonValue v && v.TryGetValue<string>(out var text)
                ? new Dictionary<string, IFluidTemplate> { [LocalizedText.DefaultLanguage] = ParseValid(text) }
                : new Dictionary<string, IFluidTemplate>()));

    private static Dictionary<string, object?> ModelFor(Dictionary<string, ModelEntry> model, Recipient recipient, ActivityContext context)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Variables] = Liquid.ToValue(context.Variables),
            [Input] = Liquid.ToValue(context.State.Input),
            [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
        };
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, entry) in model)
        {
            values[name] = entry.Texts.Count == 0
                ? Liquid.ToValue(entry.Value)
                : Liquid.Render(entry.Texts.GetValueOrDefault(recipient.Language) ?? entry.Texts[LocalizedText.DefaultLanguage], scope, NullEncoder.Default);
        }
        foreach (var (name, value) in values) scope[name] = value;
        return scope;
    }

    private static RenderedEmail Inline(TemplateCatalog catalog, IReadOnlyDictionary<string, IFluidTemplate> subject,
        IReadOnlyDictionary<string, IFluidTemplate> body, Recipient recipient, Dictionary<string, object?> scope)
    {
        var text = Liquid.Render(In(body, recipient.Language), scope, NullEncoder.Default);
        return catalog.Compose(Liquid.Render(In(subject, recipient.Language), scope, NullEncoder.Default), text, TextToHtml.Convert(text), recipient.Language);
    }

    private static IFluidTemplate In(IReadOnlyDictionary<string, IFluidTemplate> texts, string language) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault(LocalizedText.DefaultLanguage) ?? texts.Values.First();

    private static Dictionary<string, IFluidTemplate> ParseTexts(LocalizedText text) =>
        text.Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => ParseValid(v.Value));

    // Definitions are validated when loaded, so Liquid here parses.
    private static IFluidTemplate ParseValid(string text) =>
        Liquid.TryParse(text, out var template, out var error) ? template : throw new InvalidOperationException($"Not valid Liquid: {error}");
}

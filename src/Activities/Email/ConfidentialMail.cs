using Koostoo.Networks;

namespace Koostoo.Activities.Email;

/// <summary>
/// What a confidential network's mail says (docs/security.md, "Confidential networks"): that there is a request or a
/// notice, with the link to it, and nothing of the case: no purpose, question, goal, answer or note. Every mail a step of
/// such a network writes is this one; the content is behind the link.
/// </summary>
public static class ConfidentialMail
{
    public const string Template = "confidential";

    /// <param name="request">A request to answer (a personal link) rather than a notice.</param>
    /// <param name="link">The request's link, or the network's page for the coordinator; none for a member's notice.</param>
    public static RenderedEmail Render(Network network, Recipient recipient, bool request, string? link, DateTimeOffset? deadline = null,
        string timeZone = NetworkTime.ZoneId)
    {
        var catalog = TemplateCatalog.Shipped;
        return catalog.Render(catalog.Find(Template)!, recipient.Language, new Dictionary<string, object?>
        {
            ["network"] = network.Name,
            ["request"] = request,
            ["link"] = link,
            ["deadline"] = deadline is { } due ? MomentText.Format(due, recipient.Language, timeZone) : null,
            ["coordinator"] = $"{network.CoordinatorName} <{network.CoordinatorEmail}>",
            [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
        });
    }
}

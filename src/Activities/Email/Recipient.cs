namespace Koostoo.Activities.Email;

/// <summary>Someone an email goes to, with the language it is written in for them.</summary>
public sealed record Recipient(string Address, string? Name, string Language, RecipientKind Kind, string? MemberId = null, string? Role = null)
{
    /// <summary>What every template sees as <c>recipient</c> (<see cref="TemplateCatalog.RecipientVariable"/>).</summary>
    public Dictionary<string, object?> TemplateModel() => new()
    {
        ["name"] = Name,
        ["email"] = Address,
        ["language"] = Language,
        ["role"] = Role,
    };
}

public enum RecipientKind
{
    Coordinator,
    Member,
}

namespace Koostoo.Activities.Email;

/// <summary>Someone an email goes to, with the language it is written in for them.</summary>
public sealed record Recipient(string Address, string? Name, string Language, RecipientKind Kind, string? MemberId = null, string? Role = null);

public enum RecipientKind
{
    /// <summary>An address written into the definition.</summary>
    Address,
    Coordinator,
    Member,
}

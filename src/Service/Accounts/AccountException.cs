namespace Koostoo.Service.Accounts;

/// <summary>An account change refused, naming the field (email, password, role) and Identity's error codes.</summary>
public sealed class AccountException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

using Koostoo.Language;
using System.Text.Json.Nodes;

namespace Koostoo.Activities.Email;

/// <summary>
/// Turns SendEmail's <c>to</c> entries (<c>coordinator</c>, <c>members</c>, <c>role:&lt;role&gt;</c>,
/// <c>member:&lt;id&gt;</c>) into recipients, from people given as <c>coordinator</c> = { name, email, language } and
/// <c>members</c> = [{ id, name, email, language, role }]: the network's own tables (see <c>NetworkPeople</c>). Never an
/// address written in a definition, an input or a variable: the service is no mail relay (docs/security.md).
/// </summary>
public static class RecipientResolver
{
    public const string Coordinator = "coordinator";
    public const string Members = "members";
    public const string RolePrefix = "role:";
    public const string MemberPrefix = "member:";

    /// <param name="Coordinator">The network's coordinator when known, whether or not among the recipients (List-Unsubscribe points at them).</param>
    public sealed record Resolution(IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes, Recipient? Coordinator);

    /// <summary>Null when the entry is one of the accepted forms, else why not (for definition validation).</summary>
    public static string? SyntaxProblem(string entry)
    {
        if (entry is Coordinator or Members) return null;
        if (entry.Contains('@', StringComparison.Ordinal))
            return Words.Current["Email.RecipientResolver.IsAnAddressMailGoesOnly", entry].Value;
        if (entry.StartsWith(RolePrefix, StringComparison.Ordinal) && entry.Length > RolePrefix.Length) return null;
        if (entry.StartsWith(MemberPrefix, StringComparison.Ordinal) && entry.Length > MemberPrefix.Length) return null;
        return Words.Current["Email.RecipientResolver.IsNotARecipientWriteCoordinator", entry].Value;
    }

    /// <summary>
    /// Everyone the entries name, each address once (first mention wins). Problems are entries that cannot be
    /// honoured (no coordinator, unknown member): the caller faults rather than silently mailing fewer people.
    /// Notes are members a group entry skipped because they have no address.
    /// </summary>
    public static Resolution Resolve(IEnumerable<string> to, JsonObject variables)
    {
        var recipients = new List<Recipient>();
        var problems = new List<string>();
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(Recipient recipient)
        {
            if (seen.Add(recipient.Address)) recipients.Add(recipient);
        }

        var coordinator = variables["coordinator"] is JsonObject c && Text(c, "email") is { } coordinatorAddress && EmailAddress.IsValid(coordinatorAddress)
            ? new Recipient(coordinatorAddress, Text(c, "name"), Language(Text(c, "language")), RecipientKind.Coordinator)
            : null;

        foreach (var entry in to)
        {
            if (entry == Coordinator)
            {
                if (coordinator is not null)
                    Add(coordinator);
                else
                    problems.Add(Words.Current["Email.RecipientResolver.TheWorkflowHasNoCoordinatorWith"].Value);
            }
            else if (entry == Members || entry.StartsWith(RolePrefix, StringComparison.Ordinal))
            {
                var role = entry == Members ? null : entry[RolePrefix.Length..];
                foreach (var member in MembersOf(variables, problems))
                {
                    if (role is not null && !string.Equals(Text(member, "role"), role, StringComparison.OrdinalIgnoreCase)) continue;
                    if (ToRecipient(member) is { } recipient) Add(recipient);
                    else notes.Add(Words.Current["Email.RecipientResolver.MemberHasNoValidEmailAddress", Text(member, "id") ?? Text(member, "name") ?? "?"].Value);
                }
            }
            else if (entry.StartsWith(MemberPrefix, StringComparison.Ordinal))
            {
                var id = entry[MemberPrefix.Length..];
                var member = MembersOf(variables, problems).FirstOrDefault(m => Text(m, "id") == id);
                if (member is null) problems.Add(Words.Current["Email.RecipientResolver.ThereIsNoMemberWithId", id].Value);
                else if (ToRecipient(member) is { } recipient) Add(recipient);
                else problems.Add(Words.Current["Email.RecipientResolver.MemberHasNoValidEmailAddress2", id].Value);
            }
            else
                problems.Add(SyntaxProblem(entry)!);
        }
        return new Resolution(recipients, problems.Distinct().ToList(), notes, coordinator);
    }

    /// <summary>The languages mail is written in; anything else (or nothing) reads Estonian.</summary>
    public static string Language(string? language)
    {
        var code = language?.Trim().ToLowerInvariant() ?? "";
        if (code.Length > 2 && code[2] is '-' or '_') code = code[..2];
        return Languages.Or(code);
    }

    private static IEnumerable<JsonObject> MembersOf(JsonObject variables, List<string> problems)
    {
        if (variables["members"] is JsonArray members) return members.OfType<JsonObject>();
        problems.Add(Words.Current["Email.RecipientResolver.TheWorkflowHasNoMemberList"].Value);
        return [];
    }

    private static Recipient? ToRecipient(JsonObject member) =>
        Text(member, "email") is { } address && EmailAddress.IsValid(address)
            ? new Recipient(address, Text(member, "name"), Language(Text(member, "language")), RecipientKind.Member, Text(member, "id"), Text(member, "role"))
            : null;

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

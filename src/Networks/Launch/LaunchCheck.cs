using Koostoo.Language;
using System.Net.Mail;
using Koostoo.Networks.Members;

namespace Koostoo.Networks.Launch;

/// <summary>
/// What the field knows about starting a network, checked before anything is saved. Errors stop the launch
/// (no goal, no coordinator, a bad or repeated email, a nameless member); notices only advise (a size outside
/// 8–10, sectors nobody represents). Keys are the form's field names, so the page puts each message by its field.
/// </summary>
public sealed class LaunchCheck
{
    public const int OptimalMin = 8;
    public const int OptimalMax = 10;

    public Dictionary<string, List<string>> Errors { get; } = new();
    public List<string> Notices { get; } = [];
    public IReadOnlyList<Sector> MissingSectors { get; private set; } = [];
    public bool IsValid => Errors.Count == 0;

    private static readonly Sector[] FieldSectors = [Sector.Social, Sector.Education, Sector.Health, Sector.Youth];

    public static LaunchCheck Run(LaunchRequest request)
    {
        var check = new LaunchCheck();
        if (string.IsNullOrWhiteSpace(request.Name)) check.Error("name", Words.Current["Launch.LaunchCheck.GiveTheNetworkAName"]);
        if (string.IsNullOrWhiteSpace(request.Purpose))
            check.Error("purpose", Words.Current["Launch.LaunchCheck.WriteTheGoalBeforeInvitingAnyone"]);
        if (string.IsNullOrWhiteSpace(request.CoordinatorName)) check.Error("coordinatorName", Words.Current["Launch.LaunchCheck.TheCoordinatorSNameIsMissing"]);
        if (!IsEmail(request.CoordinatorEmail)) check.Error("coordinatorEmail", Words.Current["Launch.LaunchCheck.TheCoordinatorSEmailIsNot"]);
        if (request.Members.Count == 0) check.Error("members", Words.Current["Launch.LaunchCheck.AddAtLeastOneMember"]);
        if (request.DefinitionId == Reviews.NetworkReview.DefinitionId)
            check.Error("definitionId", Words.Current["Launch.LaunchCheck.IsANetworkReviewSWorkflow", request.DefinitionId]);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < request.Members.Count; i++)
        {
            var member = request.Members[i];
            if (string.IsNullOrWhiteSpace(member.Name)) check.Error($"members[{i}].name", Words.Current["Launch.LaunchCheck.TheMemberSNameIsMissing"]);
            if (!IsEmail(member.Email)) check.Error($"members[{i}].email", Words.Current["Launch.LaunchCheck.IsNotAValidEmail", member.Email]);
            else if (seen.TryGetValue(member.Email.Trim(), out var first))
                check.Error($"members[{i}].email", Words.Current["Launch.LaunchCheck.TheSameEmailIsAlreadyUsed", first + 1]);
            else seen[member.Email.Trim()] = i;
        }

        foreach (var (agreement, i) in (request.Agreements ?? []).Select((a, i) => (a, i)))
            if (agreement.Length > 1000) check.Error($"agreements[{i}]", Words.Current["Launch.LaunchCheck.TheAgreementIsTooLong1000"]);

        var size = request.Members.Count;
        if (size > 0 && (size < OptimalMin || size > OptimalMax))
            check.Notices.Add(Words.Current["Launch.LaunchCheck.TheNetworkHasMembersIsHeld", size, OptimalMin, OptimalMax]);
        check.MissingSectors = FieldSectors.Where(s => request.Members.All(m => m.Sector != s)).ToList();
        if (size > 0 && check.MissingSectors.Count > 0)
            check.Notices.Add(Words.Current["Launch.NobodyRepresents", string.Join(", ", check.MissingSectors.Select(s => SectorNames.In(s, Words.Current.Language)))]);
        return check;
    }

    private void Error(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        list.Add(message);
    }

    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && text.Contains('.');
}

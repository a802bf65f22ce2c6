namespace Koostoo.Networks.Reviews;

/// <summary>
/// A function of the network its members rate in a review, as the networks that reviewed themselves named them:
/// information flows, shared responsibility, equal treatment of the parties, the leader's support, reaching remote
/// areas, involving the target group. <see cref="Field"/> is the review form's field name, the records' contract.
/// </summary>
public sealed record NetworkFunction(string Field, string NameEt, string NameEn, Func<ReviewAnswer, int> Score, Action<ReviewAnswer, int> SetScore)
{
    public static readonly IReadOnlyList<NetworkFunction> All =
    [
        new("informationFlow", "Infovahetus", "Information flow", a => a.InformationFlow, (a, s) => a.InformationFlow = s),
        new("sharedResponsibility", "Jagatud vastutus", "Shared responsibility", a => a.SharedResponsibility, (a, s) => a.SharedResponsibility = s),
        new("equalTreatment", "Osapoolte võrdne kohtlemine", "Equal treatment of the parties", a => a.EqualTreatment, (a, s) => a.EqualTreatment = s),
        new("leaderSupport", "Juhi tugi", "The leader's support", a => a.LeaderSupport, (a, s) => a.LeaderSupport = s),
        new("remoteAreas", "Äärealadeni jõudmine", "Reaching remote areas", a => a.RemoteAreas, (a, s) => a.RemoteAreas = s),
        new("targetGroup", "Sihtrühma kaasamine", "Involving the target group", a => a.TargetGroup, (a, s) => a.TargetGroup = s),
    ];

    public string Name(string? language) => language == "en" ? NameEn : NameEt;
}

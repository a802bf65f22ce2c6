using Koostoo.Language;
namespace Koostoo.Networks.Reviews;

/// <summary>
/// A function of the network its members rate in a review, as the networks that reviewed themselves named them:
/// information flows, shared responsibility, equal treatment of the parties, the leader's support, reaching remote
/// areas, involving the target group. <see cref="Field"/> is the review form's field name, the records' contract.
/// </summary>
public sealed record NetworkFunction(string Field, Func<ReviewAnswer, int> Score, Action<ReviewAnswer, int> SetScore)
{
    public static readonly IReadOnlyList<NetworkFunction> All =
    [
        new("informationFlow", a => a.InformationFlow, (a, s) => a.InformationFlow = s),
        new("sharedResponsibility", a => a.SharedResponsibility, (a, s) => a.SharedResponsibility = s),
        new("equalTreatment", a => a.EqualTreatment, (a, s) => a.EqualTreatment = s),
        new("leaderSupport", a => a.LeaderSupport, (a, s) => a.LeaderSupport = s),
        new("remoteAreas", a => a.RemoteAreas, (a, s) => a.RemoteAreas = s),
        new("targetGroup", a => a.TargetGroup, (a, s) => a.TargetGroup = s),
    ];

    /// <summary>The function's name in the reader's language (the catalog's <c>Review.Function.*</c>).</summary>
    public string Name(string? language) => Words.In(language)[$"Review.Function.{Field}"];
}

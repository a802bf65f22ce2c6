using Koostoo.Networks.Reviews;

namespace Koostoo.Networks.Tests.Reviews;

/// <summary>How a review's summary ranks the network's functions, and how a repeat is compared with the review before.</summary>
public class ReviewSummaryTests
{
    private static ReviewAnswer Answer(int flow, int shared, int equal, int leader, int remote, int target) => new()
    {
        RespondentName = "Liige", InformationFlow = flow, SharedResponsibility = shared, EqualTreatment = equal, LeaderSupport = leader,
        RemoteAreas = remote, TargetGroup = target,
    };

    [Fact]
    public void The_weakest_function_comes_first_and_one_nobody_rated_comes_last()
    {
        var summary = ReviewSummary.Of([Answer(4, 2, 5, 3, 0, 0), Answer(4, 3, 5, 3, 0, 0)]);

        summary.Select(s => s.Function.Field).Should().Equal("sharedResponsibility", "leaderSupport", "informationFlow", "equalTreatment", "remoteAreas", "targetGroup");
        summary[0].Average.Should().Be(2.5m);
        summary[^1].Average.Should().BeNull("nobody rated the target group, which is not the same as rating it 0");
    }

    [Fact]
    public void An_empty_rating_is_left_out_of_the_average_not_counted_as_zero()
    {
        var remote = ReviewSummary.Of([Answer(3, 3, 3, 3, 1, 3), Answer(3, 3, 3, 3, 0, 3), Answer(3, 3, 3, 3, 2, 3)])
            .Single(s => s.Function.Field == "remoteAreas");

        (remote.Average, remote.Ratings).Should().Be((1.5m, 2));
    }

    [Fact]
    public void A_repeat_shows_each_functions_previous_average_and_how_far_it_moved()
    {
        var summary = ReviewSummary.Of([Answer(3, 3, 3, 3, 4, 0)], previous: [Answer(4, 3, 3, 3, 1, 2), Answer(4, 3, 3, 3, 2, 2)]);

        var remote = summary.Single(s => s.Function.Field == "remoteAreas");
        (remote.Average, remote.PreviousAverage, remote.Change).Should().Be((4.0m, 1.5m, 2.5m));
        summary.Single(s => s.Function.Field == "informationFlow").Change.Should().Be(-1.0m);
        summary.Single(s => s.Function.Field == "targetGroup").Change.Should().BeNull("it was not rated this time");
    }
}

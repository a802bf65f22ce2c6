namespace Koostoo.Networks.Reviews;

/// <summary>One function's standing in a review: its average (null when nobody rated it) and the previous review's.</summary>
public sealed record FunctionStanding(NetworkFunction Function, decimal? Average, int Ratings, decimal? PreviousAverage)
{
    /// <summary>How much it moved since the previous review; null when either has no average.</summary>
    public decimal? Change => Average is { } now && PreviousAverage is { } before ? now - before : null;
}

/// <summary>
/// What a review found: the functions weakest first (those nobody rated last), each beside the previous review's
/// average so a repeat shows what moved.
/// </summary>
public static class ReviewSummary
{
    public static IReadOnlyList<FunctionStanding> Of(IReadOnlyCollection<ReviewAnswer> answers, IReadOnlyCollection<ReviewAnswer>? previous = null) =>
        NetworkFunction.All
            .Select(function =>
            {
                var (average, ratings) = AverageOf(answers, function);
                return new FunctionStanding(function, average, ratings, previous is null ? null : AverageOf(previous, function).Average);
            })
            .OrderBy(s => s.Average is null)
            .ThenBy(s => s.Average)
            .ToList();

    private static (decimal? Average, int Ratings) AverageOf(IEnumerable<ReviewAnswer> answers, NetworkFunction function)
    {
        var scores = answers.Select(function.Score).Where(s => s is >= 1 and <= 5).ToList();
        return (scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 1), scores.Count);
    }
}

using Koostoo.Activities.Requests;

namespace Koostoo.Activities.Tests.Requests;

public class QuorumTests
{
    [Theory]
    [InlineData("all", 8, 8)]
    [InlineData("any", 8, 1)]
    [InlineData("majority", 8, 5)]
    [InlineData("majority", 9, 5)]
    [InlineData("majority", 1, 1)]
    [InlineData("count:3", 8, 3)]
    [InlineData("count:12", 8, 8)]
    [InlineData("percent:75", 8, 6)]
    [InlineData("percent:50", 9, 5)]
    [InlineData("percent:100", 3, 3)]
    public void Needed_answers(string quorum, int asked, int needed) => Quorum.Needed(quorum, asked).Should().Be(needed);

    [Theory]
    [InlineData("all", true)]
    [InlineData("count:0", false)]
    [InlineData("percent:0", false)]
    [InlineData("percent:101", false)]
    [InlineData("half", false)]
    [InlineData("count:", false)]
    public void Valid_quorums(string quorum, bool valid) => Quorum.IsValid(quorum).Should().Be(valid);
}

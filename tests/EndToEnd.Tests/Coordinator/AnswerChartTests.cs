using System.Net;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>
/// The network page draws how the answers to a step came in: one step up per answer, a line per reminder, the deadline,
/// and the same said in words under the chart.
/// </summary>
public sealed partial class AnswerChartTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_chart_of_a_waiting_step_shows_each_answer_the_reminder_and_the_deadline_and_says_so_in_words()
    {
        var network = await _host.Scenario.LaunchAsync(3);
        var links = await _host.Scenario.LinksAsync();
        (await _host.Scenario.AnswerAsync(links[AskScenario.Email(1)], join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _host.Scenario.AnswerAsync(links[AskScenario.Email(2)], join: false)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var step = (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!["activityId"]!.ToString();
        (await _host.CommandAsync(network["id"]!, "remind", ("step", step))).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, page) = await _host.OpenAsync($"/networks/{network["id"]}");
        var figure = FigurePattern().Match(page);
        figure.Success.Should().BeTrue("the waiting step's card carries its chart");
        var chart = figure.Value;
        Regex.Matches(AnswersPath().Match(chart).Groups[1].Value, " V").Should().HaveCount(2, "two answers, two steps up");
        Regex.Matches(chart, "class=\"reminder\"").Should().HaveCount(1, "one reminder");
        Regex.Matches(chart, "class=\"deadline\"").Should().HaveCount(1);
        chart.Should().Contain("role=\"img\"").And.Contain("3-st vastas 2, neist 2 enne tähtaega").And.Contain("Meeldetuletused: ");

        var (_, english) = await _host.OpenAsync($"/networks/{network["id"]}?lang=en");
        FigurePattern().Match(english).Value.Should().Contain("2 of 3 answered, 2 before the deadline of").And.Contain("Reminders: ");
    }

    [GeneratedRegex("<figure class=\"answer-chart\">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex FigurePattern();

    [GeneratedRegex("<path class=\"answers\" d=\"([^\"]+)\"")]
    private static partial Regex AnswersPath();
}

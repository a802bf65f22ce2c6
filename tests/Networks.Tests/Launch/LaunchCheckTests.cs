using System.Globalization;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;

namespace Koostoo.Networks.Tests.Launch;

/// <summary>What the launch form and the API refuse, and the field's advice a coordinator confirms once.</summary>
public class LaunchCheckTests
{
    private static LaunchRequest Request(int members, params Sector[] sectors) => new()
    {
        Name = "Kooli võrgustik",
        Purpose = "Vähendada koolist väljalangemist vallas",
        CoordinatorName = "Kati Kask",
        CoordinatorEmail = "kati@vald.example",
        Members = Enumerable.Range(1, members).Select(i => new MemberDraft
        {
            Name = $"Liige {i}", Email = $"liige{i}@kool.example", Sector = sectors.Length == 0 ? Sector.Education : sectors[(i - 1) % sectors.Length],
        }).ToList(),
    };

    [Fact]
    public void A_network_of_the_best_size_from_every_field_launches_without_advice()
    {
        var check = LaunchCheck.Run(Request(9, Enum.GetValues<Sector>().Where(s => s != Sector.Other).ToArray()));

        check.IsValid.Should().BeTrue();
        check.Notices.Should().BeEmpty();
    }

    [Fact]
    public void A_small_network_of_one_field_is_advised_on_its_size_and_the_fields_nobody_represents()
    {
        var check = LaunchCheck.Run(Request(3));

        check.IsValid.Should().BeTrue("advice is confirmed, not an error");
        check.Notices.Should().Contain(n => n.StartsWith("Võrgustikus on 3 liiget; parim töökoosseis on 8–10.", StringComparison.Ordinal));
        check.MissingSectors.Should().NotContain(Sector.Education).And.Contain(Sector.Health);
    }

    [Fact]
    public void The_review_workflow_is_refused_as_a_networks_lifecycle()
    {
        var check = LaunchCheck.Run(Request(9) with { DefinitionId = "network-review" });

        check.IsValid.Should().BeFalse();
        check.Errors["definitionId"].Should().ContainSingle().Which.Should().Be("„network-review“ on võrgustiku ülevaate töövoog; see käivitatakse võrgustiku lehelt, mitte võrgustikuna.");
    }

    [Fact]
    public void The_refusal_speaks_the_language_of_the_request_being_served()
    {
        var served = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            LaunchCheck.Run(Request(9) with { DefinitionId = "network-review" }).Errors["definitionId"].Should().ContainSingle()
                .Which.Should().Be("'network-review' is a network review's workflow: it is started from a network's page, not launched as a network.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = served;
        }
    }

    [Fact]
    public void A_member_without_a_valid_email_and_a_network_without_a_purpose_are_refused_by_field()
    {
        var request = Request(2) with { Purpose = " " };
        request = request with { Members = [request.Members[0], request.Members[1] with { Email = "pole-aadress" }] };

        var check = LaunchCheck.Run(request);

        check.IsValid.Should().BeFalse();
        check.Errors.Keys.Should().Contain("purpose").And.Contain(k => k.StartsWith("members[1]", StringComparison.Ordinal));
    }
}

using System.Text.Json.Nodes;
using Koostoo.Activities.Email;

namespace Koostoo.Activities.Tests;

public class RecipientResolverTests
{
    private static JsonObject Network() => JsonNode.Parse("""
        {
          "coordinator": { "name": "Kati Kask", "email": "kati@vald.ee", "language": "et" },
          "members": [
            { "id": "m1", "name": "Mari", "email": "mari@kool.ee", "language": "et", "role": "teacher" },
            { "id": "m2", "name": "John", "email": "john@ngo.org", "language": "en-GB", "role": "youth" },
            { "id": "m3", "name": "Peeter", "email": "", "role": "teacher" },
            { "id": "m4", "name": "Kati again", "email": "KATI@vald.ee", "language": "en", "role": "lead" }
          ]
        }
        """)!.AsObject();


    [Fact]
    public void Coordinator_comes_from_the_variables_with_name_and_language()
    {
        var result = RecipientResolver.Resolve(["coordinator"], Network());

        result.Problems.Should().BeEmpty();
        result.Recipients.Should().ContainSingle().Which.Should().Be(
            new Recipient("kati@vald.ee", "Kati Kask", "et", RecipientKind.Coordinator));
    }

    [Fact]
    public void Members_are_everyone_with_an_address_and_those_without_are_noted()
    {
        var result = RecipientResolver.Resolve(["members"], Network());

        result.Recipients.Select(r => r.MemberId).Should().Equal("m1", "m2", "m4");
        result.Recipients.Single(r => r.MemberId == "m2").Language.Should().Be("en");
        result.Notes.Should().ContainSingle().Which.Should().Contain("m3");
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_role_picks_its_members()
    {
        RecipientResolver.Resolve(["role:teacher"], Network()).Recipients.Select(r => r.MemberId).Should().Equal("m1");
    }

    [Fact]
    public void Each_address_gets_one_email_whatever_names_it()
    {
        var result = RecipientResolver.Resolve(["coordinator", "member:m4", "members", "member:m1"], Network());

        result.Recipients.Select(r => r.Address.ToLowerInvariant()).Should().OnlyHaveUniqueItems()
            .And.Equal("kati@vald.ee", "mari@kool.ee", "john@ngo.org");
    }

    [Fact]
    public void A_written_in_address_is_refused_even_when_a_member_has_it()
    {
        var result = RecipientResolver.Resolve(["abi@vald.ee", "mari@kool.ee"], Network());

        result.Recipients.Should().BeEmpty("mail goes only to the network's people, named as such");
        result.Problems.Should().HaveCount(2).And.OnlyContain(p => p.Contains("is an address"));
    }

    [Fact]
    public void An_unknown_member_or_a_missing_coordinator_is_a_problem_not_a_silent_skip()
    {
        var variables = Network();
        variables.Remove("coordinator");

        var result = RecipientResolver.Resolve(["member:m9", "coordinator", "member:m3"], variables);

        result.Recipients.Should().BeEmpty();
        result.Problems.Should().HaveCount(3);
        result.Problems.Should().Contain(p => p.Contains("'m9'")).And.Contain(p => p.Contains("coordinator")).And.Contain(p => p.Contains("'m3'"));
    }

    [Theory]
    [InlineData("mari@kool.ee", false)]
    [InlineData("coordinator", true)]
    [InlineData("members", true)]
    [InlineData("role:teacher", true)]
    [InlineData("member:m1", true)]
    [InlineData("role:", false)]
    [InlineData("Mari <mari@kool.ee>", false)]
    [InlineData("mari", false)]
    [InlineData("everyone", false)]
    public void Entries_are_checked_when_the_definition_is_loaded(string entry, bool valid)
    {
        (RecipientResolver.SyntaxProblem(entry) is null).Should().Be(valid);
    }
}

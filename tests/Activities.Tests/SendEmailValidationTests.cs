using System.Text.Json;
using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Tests;

public class SendEmailValidationTests
{
    private readonly DefinitionParser _parser = new(new ActivityRegistry([typeof(If).Assembly]));

    private IReadOnlyList<DefinitionProblem> Problems(object inputs) => _parser.Parse(JsonSerializer.Serialize(new
    {
        id = "mail",
        name = new { et = "Kiri", en = "Mail" },
        activities = new object[] { new { id = "send", type = "SendEmail", inputs } },
    })).Problems;

    private static readonly object StepModel = new { network = "{{ variables.networkName }}", step = new { et = "vasta", en = "answer" }, link = "{{ variables.link }}", deadline = "reedeni" };

    [Fact]
    public void A_template_with_every_variable_provided_is_valid()
    {
        Problems(new { to = new[] { "members", "coordinator" }, template = "step-request", model = StepModel }).Should().BeEmpty();
    }

    [Fact]
    public void The_shipped_email_sample_is_valid()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "../../../../..", "workflows", "sample-email.json");
        _parser.Parse(File.ReadAllText(file)).Problems.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_template_is_reported_at_the_template_input()
    {
        Problems(new { to = new[] { "members" }, template = "no-such", model = StepModel }).Should().ContainSingle()
            .Which.Should().Match<DefinitionProblem>(p => p.Path == "$.activities[0].inputs.template" && p.Message.Contains("step-request"));
    }

    [Fact]
    public void A_variable_the_template_uses_and_the_model_lacks_is_reported_at_load_time()
    {
        Problems(new { to = new[] { "members" }, template = "step-request", model = new { network = "x", step = "y" } })
            .Should().ContainSingle().Which.Should().Be(new DefinitionProblem("$.activities[0].inputs.template",
                "The template 'step-request' uses 'deadline', 'link', which 'model' does not provide."));
    }

    [Fact]
    public void Broken_liquid_in_an_inline_body_is_reported_at_its_language()
    {
        Problems(new { to = new[] { "coordinator" }, subject = new { et = "Teema" }, body = new { et = "Tere {{ recipient.name ", en = "Hi" } })
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[0].inputs.body.et");
    }

    [Fact]
    public void An_inline_text_may_read_variables_and_the_recipient_but_nothing_unknown()
    {
        Problems(new { to = new[] { "coordinator" }, subject = "{{ variables.networkName }}", body = "Tere {{ recipient.name }}, {{ who }}" })
            .Should().ContainSingle().Which.Should().Match<DefinitionProblem>(p => p.Path == "$.activities[0].inputs.body.et" && p.Message.Contains("'who'"));
    }

    [Fact]
    public void A_bad_recipient_is_reported_at_its_index()
    {
        Problems(new { to = new[] { "members", "everyone" }, subject = "S", body = "B" })
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[0].inputs.to[1]");
    }

    [Fact]
    public void Without_a_template_subject_and_body_are_required()
    {
        Problems(new { to = new[] { "members" } }).Select(p => p.Path)
            .Should().BeEquivalentTo("$.activities[0].inputs.subject", "$.activities[0].inputs.body");
    }

    [Fact]
    public void An_attachment_needs_a_plain_file_name_and_a_content_type()
    {
        Problems(new { to = new[] { "members" }, subject = "S", body = "B", attachments = new[] { new { fileName = "../x.ics", contentType = "calendar", content = "BEGIN:VCALENDAR" } } })
            .Select(p => p.Path).Should().BeEquivalentTo("$.activities[0].inputs.attachments[0].fileName", "$.activities[0].inputs.attachments[0].contentType");
    }

    [Fact]
    public void The_designer_sees_send_email_in_the_email_category()
    {
        var descriptor = new ActivityRegistry([typeof(If).Assembly]).Descriptor("SendEmail");

        descriptor.Category.Should().Be("Email");
        descriptor.Inputs.Select(i => i.Name).Should().Equal("to", "template", "model", "subject", "body", "attachments");
        descriptor.Inputs.Single(i => i.Name == "to").Required.Should().BeTrue();
    }
}

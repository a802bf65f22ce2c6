using Koostoo.Networks.Requests;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.Tests.Requests;

public class FormAnswersTests
{
    private static readonly FormField[] Form =
    [
        new() { Name = "join", Type = FieldType.YesNo, Label = new LocalizedText("Osalen"), Required = true },
        new() { Name = "role", Type = FieldType.Choice, Label = new LocalizedText("Roll"), Options = [new("leader", new LocalizedText("Juht")), new("notes", new LocalizedText("Protokollija"))] },
        new() { Name = "days", Type = FieldType.MultiChoice, Label = new LocalizedText("Päevad"), Options = [new("mon", new LocalizedText("E")), new("tue", new LocalizedText("T"))] },
        new() { Name = "hours", Type = FieldType.Number, Label = new LocalizedText("Tunde") },
        new() { Name = "start", Type = FieldType.Date, Label = new LocalizedText("Algus") },
        new() { Name = "trust", Type = FieldType.Scale, Label = new LocalizedText("Usaldus") },
        new() { Name = "note", Type = FieldType.LongText, Label = new LocalizedText("Märkus") },
        new() { Name = "due", Type = FieldType.Date, Label = new LocalizedText("Tähtaeg"), NotPast = true },
    ];

    private static readonly DateOnly Today = new(2026, 11, 20);

    private static FormAnswers.Result Read(Dictionary<string, string[]> posted, string language = "et") =>
        FormAnswers.Read(Form, name => posted.GetValueOrDefault(name, []), language, Today);

    [Fact]
    public void A_date_that_may_not_be_past_is_refused_before_today_and_taken_today_and_later()
    {
        Read(new() { ["join"] = ["yes"], ["due"] = ["19.11.2026"] }).Errors.Should().Equal(
            new Dictionary<string, string> { ["due"] = "See kuupäev on möödas: vali täna (20.11.2026) või hilisem päev." });
        Read(new() { ["join"] = ["yes"], ["due"] = ["2026-11-19"] }, "en").Errors["due"].Should().Be("This date has passed: choose today (20 November 2026) or a later day.");
        Read(new() { ["join"] = ["yes"], ["due"] = ["2026-11-20"] }).Answer["due"]!.GetValue<string>().Should().Be("2026-11-20");
        Read(new() { ["join"] = ["yes"], ["start"] = ["2020-01-01"] }).IsValid.Should().BeTrue("a date without the flag may be in the past");
    }

    [Fact]
    public void A_complete_answer_becomes_typed_json()
    {
        var result = Read(new()
        {
            ["join"] = ["yes"], ["role"] = ["notes"], ["days"] = ["mon", "tue"], ["hours"] = ["3,5"],
            ["start"] = ["24.11.2026"], ["trust"] = ["4"], ["note"] = ["  Saan  "],
        });

        result.IsValid.Should().BeTrue();
        result.Answer.ToJsonString().Should().Be("""{"join":true,"role":"notes","days":["mon","tue"],"hours":3.5,"start":"2026-11-24","trust":4,"note":"Saan"}""");
    }

    [Fact]
    public void Every_problem_is_reported_by_its_field_in_the_members_language()
    {
        var result = Read(new() { ["role"] = ["boss"], ["days"] = ["sun"], ["hours"] = ["many"], ["start"] = ["soon"], ["trust"] = ["7"] }, "en");

        result.Errors.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["join"] = "Please answer this question.",
            ["role"] = "Choose from the options offered.",
            ["days"] = "Choose from the options offered.",
            ["hours"] = "Enter a number, e.g. 12 or 3.5.",
            ["start"] = "Enter a date, e.g. 2026-11-24.",
            ["trust"] = "Choose 1 to 5.",
        });
    }

    [Fact]
    public void Optional_fields_left_empty_are_left_out()
    {
        var result = Read(new() { ["join"] = ["no"], ["note"] = [" "] });
        result.IsValid.Should().BeTrue();
        result.Answer.ToJsonString().Should().Be("""{"join":false}""");
    }
}

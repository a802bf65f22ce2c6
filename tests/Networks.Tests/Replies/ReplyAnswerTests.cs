using Koostoo.Networks.Replies;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.Tests.Replies;

/// <summary>A reply read against the step's form, held to the same rules as the web form.</summary>
public class ReplyAnswerTests
{
    private static LocalizedText Text(string et, string en) => new(new Dictionary<string, string> { ["et"] = et, ["en"] = en });

    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly FormField Join = new() { Name = "join", Type = FieldType.YesNo, Required = true, Label = Text("Osalen", "I take part") };
    private static readonly FormField Note = new() { Name = "note", Type = FieldType.LongText, Label = Text("Märkus", "Note") };
    private static readonly FormField Role = new()
    {
        Name = "role", Type = FieldType.Choice, Required = true, Label = Text("Roll", "Role"),
        Options = [new("leader", Text("Juht", "Leader")), new("notes", Text("Protokollija", "Note-taker")), new("expert", Text("Ekspert", "Expert"))],
    };
    private static readonly FormField Score = new() { Name = "score", Type = FieldType.Scale, Required = true, Label = Text("Hinne", "Score") };
    private static readonly FormField From = new() { Name = "from", Type = FieldType.Date, Required = true, Label = Text("Alates", "From") };

    [Theory]
    [InlineData("JAH", true)]
    [InlineData("jah.", true)]
    [InlineData("Jah, osalen!", true)]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("Да", true)]
    [InlineData("да, конечно", true)]
    [InlineData("EI", false)]
    [InlineData("no.", false)]
    [InlineData("Нет", false)]
    public void Yes_and_no_in_Estonian_English_and_Russian(string reply, bool join)
    {
        var read = ReplyAnswer.Read([Join, Note], reply, "et", Today);

        read.IsValid.Should().BeTrue();
        read.Answer["join"]!.GetValue<bool>().Should().Be(join);
    }

    [Theory]
    [InlineData("2", "notes")]
    [InlineData("2.", "notes")]
    [InlineData("Protokollija", "notes")]
    [InlineData("expert", "expert")]
    [InlineData("Leader", "leader")]
    public void A_choice_by_its_number_label_or_value(string reply, string role) =>
        ReplyAnswer.Read([Role], reply, "et", Today).Answer["role"]!.GetValue<string>().Should().Be(role);

    [Fact]
    public void A_scale_and_a_date()
    {
        ReplyAnswer.Read([Score], "4", "et", Today).Answer["score"]!.GetValue<int>().Should().Be(4);
        ReplyAnswer.Read([From], "24.11.2026", "et", Today).Answer["from"]!.GetValue<string>().Should().Be("2026-11-24");
    }

    [Fact]
    public void A_form_of_several_questions_takes_field_value_lines_by_name_or_label()
    {
        var read = ReplyAnswer.Read([Join, Note], "Osalen: jah\nnote: tulen teisipäeval", "et", Today);

        read.Answer["join"]!.GetValue<bool>().Should().BeTrue();
        read.Answer["note"]!.GetValue<string>().Should().Be("tulen teisipäeval");
    }

    [Theory]
    [InlineData("võib-olla")]
    [InlineData("7")]
    [InlineData("")]
    public void What_the_form_would_refuse_is_not_an_answer(string reply)
    {
        ReplyAnswer.Read([Join], reply, "et", Today).IsValid.Should().BeFalse();
        ReplyAnswer.Read([Score], reply, "et", Today).IsValid.Should().BeFalse();
    }

    [Fact]
    public void The_mail_says_how_to_answer_by_reply_in_the_readers_language()
    {
        ReplyAnswer.Hint([Join, Note], "et").Should().Be("Võid vastata ka sellele kirjale: JAH või EI.");
        ReplyAnswer.Hint([Join, Note], "en").Should().Be("You can also reply to this email with YES or NO.");
        ReplyAnswer.Hint([Role], "et").Should().Be("Võid vastata ka sellele kirjale valiku numbriga: 1 – Juht, 2 – Protokollija, 3 – Ekspert.");
    }
}

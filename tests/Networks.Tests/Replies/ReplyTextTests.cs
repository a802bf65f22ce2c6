using Koostoo.Networks.Replies;

namespace Koostoo.Networks.Tests.Replies;

/// <summary>What a person wrote above what their mail program added, as phones and desktop clients write replies.</summary>
public class ReplyTextTests
{
    [Theory]
    [InlineData("JAH\n\nOn Mon, 7 Dec 2026 at 09:00, Koostöö <vastus+abc@vald.example> wrote:\n> Kas osaled?\n> JAH või EI")]
    [InlineData("JAH\n\nE, 7. dets 2026 kell 09:00 Koostöö <vastus@vald.example> kirjutas:\n> Kas osaled?")]
    [InlineData("JAH\n\nKirjutas Koostöö <vastus@vald.example>:\n> Kas osaled?")]
    [InlineData("JAH\n\nпн, 7 дек. 2026 г. в 09:00, Koostöö <vastus@vald.example>:\nнаписал:\n> Kas osaled?")]
    [InlineData("JAH\r\n\r\nFrom: Koostöö <vastus@vald.example>\r\nSent: Monday, December 7, 2026 9:00 AM\r\nTo: Mari Maasikas\r\nSubject: Kas osaled?\r\n\r\nKas osaled?")]
    [InlineData("JAH\n\n-----Original Message-----\nFrom: Koostöö\nKas osaled?")]
    [InlineData("JAH\n-- \nMari Maasikas\nKooli sotsiaalpedagoog\n+372 5555 5555")]
    [InlineData("JAH\n\nSaadetud minu iPhone'ist")]
    [InlineData("JAH\n\nOn Mon, 7 Dec 2026 at 09:00, Koostöö\n<vastus@vald.example> wrote:\n> Kas osaled?")]
    public void The_quoted_original_and_the_signature_are_left_out(string body) =>
        ReplyText.TopOf(body).Should().Be("JAH");

    [Fact]
    public void A_last_line_that_only_looks_like_an_attribution_stays_when_nothing_is_quoted()
    {
        ReplyText.TopOf("JAH\nOn Monday I can come").Should().Be("JAH\nOn Monday I can come");
    }

    [Fact]
    public void Several_lines_of_the_persons_own_stay()
    {
        ReplyText.TopOf("join: jah\nnote: tulen teisipäeval\n\n> Kas osaled?").Should().Be("join: jah\nnote: tulen teisipäeval");
    }
}

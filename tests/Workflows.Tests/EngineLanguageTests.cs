using System.Globalization;
using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The engine's messages come from the word catalog in the language of the request it serves (ASP.NET Core sets the
/// culture), so an administrator reads a definition's problems in the designer's language.
/// </summary>
public class EngineLanguageTests
{
    private readonly DefinitionParser _parser = new(new ActivityRegistry([typeof(If).Assembly]));

    [Theory]
    [InlineData("et-EE", "Alguseks sobiks mitu tegevust (a, b). Määra üks neist algustegevuseks („start“).")]
    [InlineData("ru-RU", "Начальным может быть любое из нескольких действий (a, b). Укажите одно из них в «start».")]
    [InlineData("en-GB", "Several activities could be the start (a, b). Name one in 'start'.")]
    public void A_definitions_problem_reads_in_the_language_of_the_request(string culture, string expected)
    {
        var served = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            _parser.Parse(Flow("x", [Act("a", "Finish"), Act("b", "Finish")], [])).Problems
                .Should().ContainSingle().Which.Message.Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = served;
        }
    }
}

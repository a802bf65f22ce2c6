using Koostoo.Activities.Email;

namespace Koostoo.Activities.Tests;

public class TemplateTests
{
    private static readonly Dictionary<string, object?> StepModel = new()
    {
        ["network"] = "Kooli võrgustik",
        ["step"] = "kas osaled?",
        ["link"] = "https://koostoo.example/r/abc?x=1&y=2",
        ["deadline"] = "reedeni",
        ["recipient"] = new Dictionary<string, object?> { ["name"] = "Mari" },
    };

    [Fact]
    public void The_shipped_templates_load_in_estonian_english_and_russian()
    {
        var catalog = TemplateCatalog.Shipped;

        catalog.Names.Should().Contain(["step-request", "notice"]);
        foreach (var name in catalog.Names)
            catalog.Find(name)!.Languages.Should().BeEquivalentTo(["et", "en", "ru"], because: $"{name} speaks every language of the service");
    }

    [Fact]
    public void A_template_lists_the_variables_the_sender_must_provide()
    {
        TemplateCatalog.Shipped.Find("step-request")!.Variables.Should().BeEquivalentTo("network", "step", "link", "deadline");
    }

    [Fact]
    public void Step_request_renders_in_estonian_with_the_link_in_every_part()
    {
        var catalog = TemplateCatalog.Shipped;

        var email = catalog.Render(catalog.Find("step-request")!, "et", StepModel);

        email.Subject.Should().Be("Kooli võrgustik: palun vasta – kas osaled?");
        email.Text.Should().Contain("Tere, Mari!").And.Contain("https://koostoo.example/r/abc?x=1&y=2");
        email.Html.Should().Contain("<html lang=\"et\">").And.Contain("Kooli võrgustik")
            .And.Contain("href=\"https://koostoo.example/r/abc?x=1&amp;y=2\"");
    }

    [Fact]
    public void Each_reader_gets_their_language_and_estonian_for_any_other()
    {
        var catalog = TemplateCatalog.Shipped;
        var template = catalog.Find("step-request")!;

        catalog.Render(template, "en", StepModel).Subject.Should().StartWith("Kooli võrgustik: please answer");
        catalog.Render(template, "ru", StepModel).Subject.Should().StartWith("Kooli võrgustik: пожалуйста, ответьте");
        catalog.Render(template, "fi", StepModel).Subject.Should().StartWith("Kooli võrgustik: palun vasta");
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_part_only()
    {
        var catalog = TemplateCatalog.Shipped;
        var model = new Dictionary<string, object?>(StepModel) { ["step"] = "<b>kas</b> & kus?" };

        var email = catalog.Render(catalog.Find("step-request")!, "et", model);

        email.Html.Should().Contain("&lt;b&gt;kas&lt;/b&gt; &amp; kus?").And.NotContain("<b>kas</b>");
        email.Text.Should().Contain("<b>kas</b> & kus?");
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_file_when_loading()
    {
        var files = Valid("notice");
        files["notice/en.text.liquid"] = "Hello {{ recipient.name ";

        var load = () => TemplateCatalog.Load(files);

        load.Should().Throw<TemplateException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith("notice/en.text.liquid: ");
    }

    [Fact]
    public void A_template_without_estonian_or_with_a_missing_part_is_reported()
    {
        var files = new Dictionary<string, string>
        {
            ["_layout.html.liquid"] = "{{ content | raw }}",
            ["only-en/en.subject.liquid"] = "Hi",
            ["only-en/en.text.liquid"] = "Hi",
            ["only-en/en.html.liquid"] = "<p>Hi</p>",
            ["half/et.subject.liquid"] = "Tere",
        };

        var problems = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(files)).Problems;

        problems.Should().Contain(p => p.StartsWith("only-en/") && p.Contains("Estonian"));
        problems.Should().Contain(p => p.StartsWith("half/et.text.liquid"));
        problems.Should().Contain(p => p.StartsWith("half/et.html.liquid"));
    }

    [Fact]
    public void Names_defined_inside_the_template_are_not_asked_of_the_sender()
    {
        var files = Valid("local");
        files["local/et.text.liquid"] = "{% assign greeting = 'Tere' %}{{ greeting }} {% for item in items %}{{ item }} {{ forloop.index }}{% endfor %}{% capture c %}x{% endcapture %}{{ c }} {{ recipient.name }}";

        TemplateCatalog.Load(files).Find("local")!.Variables.Should().BeEquivalentTo("items");
    }

    [Fact]
    public void Inline_text_becomes_html_with_paragraphs_and_clickable_links()
    {
        TextToHtml.Convert("Tere <Mari>!\n\nVaata: https://a.ee/x?y=1&z=2.\nAitäh")
            .Should().Be("<p>Tere &lt;Mari&gt;!</p>\n<p>Vaata: <a href=\"https://a.ee/x?y=1&amp;z=2\">https://a.ee/x?y=1&amp;z=2</a>.<br>\nAitäh</p>\n");
    }

    private static Dictionary<string, string> Valid(string name) => new()
    {
        ["_layout.html.liquid"] = "<html lang=\"{{ language }}\">{{ content | raw }}</html>",
        [$"{name}/et.subject.liquid"] = "Teema",
        [$"{name}/et.text.liquid"] = "Tekst",
        [$"{name}/et.html.liquid"] = "<p>Tekst</p>",
        [$"{name}/en.subject.liquid"] = "Subject",
        [$"{name}/en.text.liquid"] = "Text",
        [$"{name}/en.html.liquid"] = "<p>Text</p>",
    };
}

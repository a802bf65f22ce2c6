namespace Koostoo.EndToEnd.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("Koostoo:Mail:Transport", "Fax", null, null, "Koostoo:Mail:Transport is 'Fax'; it is Pickup or Smtp.")]
    [InlineData("Koostoo:Mail:Transport", "Smtp", null, null, "Koostoo:Mail:Smtp:Host is required when Koostoo:Mail:Transport is Smtp.")]
    [InlineData("Koostoo:Mail:FromAddress", "Koostöö", null, null, "Koostoo:Mail:FromAddress 'Koostöö' is not an email address")]
    [InlineData("Koostoo:Mail:Transport", "Smtp", "Koostoo:Mail:Smtp:Host", "smtp.example", null)]
    public void Bad_mail_settings_stop_the_host_at_start_naming_the_setting(string key, string value, string? key2, string? value2, string? message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key2 is not null) settings[key2] = value2;
        using var app = new KoostooApp(_folder, settings);

        var start = () => app.CreateClient();

        if (message is null)
        {
            start.Should().NotThrow("a complete SMTP configuration is valid");
            return;
        }
        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(message);
        File.Exists(_folder["koostoo.db"]).Should().BeFalse("the host stops before it touches the database");
    }

    public void Dispose() => _folder.Dispose();
}

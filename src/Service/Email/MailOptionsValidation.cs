using Koostoo.Activities.Email;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Email;

/// <summary>Stops the host at start when mail cannot work, naming the setting to fix (rather than failing on the first email).</summary>
public sealed class MailOptionsValidation : IValidateOptions<MailOptions>
{
    private const string S = MailOptions.Section;

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new List<string>();
        var smtp = string.Equals(options.Transport, MailOptions.SmtpTransport, StringComparison.OrdinalIgnoreCase);
        if (!options.IsPickup && !smtp)
            problems.Add($"{S}:Transport is '{options.Transport}'; it is {MailOptions.PickupTransport} or {MailOptions.SmtpTransport}.");
        if (!EmailAddress.IsValid(options.FromAddress))
            problems.Add($"{S}:FromAddress '{options.FromAddress}' is not an email address such as koostoo@vald.ee.");
        if (options.IsPickup && string.IsNullOrWhiteSpace(options.PickupFolder))
            problems.Add($"{S}:PickupFolder is required when {S}:Transport is {MailOptions.PickupTransport}.");
        if (smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
                problems.Add($"{S}:Smtp:Host is required when {S}:Transport is {MailOptions.SmtpTransport}.");
            if (options.Smtp.Port is < 1 or > 65535)
                problems.Add($"{S}:Smtp:Port {options.Smtp.Port} is not a port number.");
            if (SecurityOf(options.Smtp) is null)
                problems.Add($"{S}:Smtp:Security is '{options.Smtp.Security}'; it is None, StartTls or SslOnConnect.");
            if (!string.IsNullOrEmpty(options.Smtp.User) && string.IsNullOrEmpty(options.Smtp.Password))
                problems.Add($"{S}:Smtp:Password is required when {S}:Smtp:User is set.");
        }
        if (options.Retry.MaxAttempts < 1)
            problems.Add($"{S}:Retry:MaxAttempts is at least 1.");
        if (options.Retry.BaseDelay <= TimeSpan.Zero || options.Retry.MaxDelay < options.Retry.BaseDelay)
            problems.Add($"{S}:Retry:BaseDelay is positive and {S}:Retry:MaxDelay is not smaller than it.");
        if (options.Retry.Lease <= options.Smtp.Timeout)
            problems.Add($"{S}:Retry:Lease is longer than {S}:Smtp:Timeout, so a slow send is never claimed twice.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static SecureSocketOptions? SecurityOf(SmtpOptions smtp) => smtp.Security?.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => null,
    };
}

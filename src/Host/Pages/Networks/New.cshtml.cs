using Koostoo.Networks.Launch;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks;

/// <summary>
/// The coordinator launches a network: the goal first, then who leads and who is invited. The field's advice (size,
/// missing sectors) is shown and confirmed once; errors bring the form back as typed, with nothing saved.
/// </summary>
/// <remarks>The launch form carries up to 200 member rows.</remarks>
[RequestSizeLimit(Security.BodyLimits.Launch)]
public sealed class NewModel(NetworkLauncher launcher, Actor actor) : PageModel
{
    public LaunchForm Form { get; private set; } = null!;
    public LaunchCheck? Check { get; private set; }

    public string Language => UiLanguage.Of(Request);

    public void OnGet() => Form = LaunchForm.Blank(Language);

    /// <summary>"More rows": the same form with empty rows added, nothing checked yet.</summary>
    public void OnPostMore() => Form = LaunchForm.Read(Request.Form, LaunchForm.MoreRows);

    public async Task<IActionResult> OnPostAsync()
    {
        Form = LaunchForm.Read(Request.Form);
        var request = Form.ToRequest();
        Check = LaunchCheck.Run(request);
        Form.AddUnknownChoices(Check);
        if (!Check.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var confirmed = Request.Form["anyway"] == "true" && Check.Notices.All(Form.Acknowledged.Contains);
        if (Check.Notices.Count > 0 && !confirmed) return Page();

        var network = await launcher.LaunchAsync(actor, request, HttpContext.RequestAborted);
        return Redirect(Request.Link($"/networks/{network.Id}?done=launched"));
    }

    /// <summary>The messages for one field, in the page's language.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Check?.Errors.GetValueOrDefault(field)?.ToList() ?? [];
}

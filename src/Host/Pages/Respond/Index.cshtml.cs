using System.Globalization;
using System.Text.Json.Nodes;
using Koostoo.Networks.Requests;
using Koostoo.Service.Answers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Respond;

/// <summary>
/// The page a member's link opens: the question and the form; the answer; a clear page for a closed, unknown or
/// out-of-date link; handing the request to a colleague, and what the old link says after. Anti-forgery is checked by
/// hand so that a stale form gets a page that says what to do, not a bare 400.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(RequestInbox requests, RequestHandOver handOvers, IAntiforgery antiforgery, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public LinkState State { get; private set; }
    public StepRequest? StepRequest { get; private set; }
    public RequestForm? Form { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public bool Saved { get; private set; }
    /// <summary>The form was not the latest: already sent, or meant for another request.</summary>
    public bool Stale { get; private set; }
    /// <summary>The anti-forgery check failed (cookie lost, form kept open for days).</summary>
    public bool Expired { get; private set; }
    public string Token { get; private set; } = "";
    /// <summary>Whether the page offers handing the request to a colleague (an open, unanswered request to a member).</summary>
    public bool CanHandOver { get; private set; }
    /// <summary>Whom this request was handed to, for its old link.</summary>
    public string? HandedTo { get; private set; }
    /// <summary>Who handed this request on to its respondent, if someone did.</summary>
    public string? HandedBy { get; private set; }
    /// <summary>This page is the member's own, right after they handed the request on.</summary>
    public bool JustHandedOver { get; private set; }
    /// <summary>A hand-over was asked of a request that takes none (answered meanwhile).</summary>
    public bool HandOverRefused { get; private set; }
    public IReadOnlyDictionary<string, string> HandOverErrors { get; private set; } = new Dictionary<string, string>();
    public HandOverDraft HandOverValues { get; private set; } = new("", "", null);
    private JsonObject? _posted;

    public string Language => UiLanguage.Of(Request);

    public async Task<IActionResult> OnGetAsync(string token, bool saved = false, bool handed = false)
    {
        await LoadAsync(token);
        JustHandedOver = handed && State == LinkState.HandedOver;
        // The answer that completes a step closes it: its sender still hears that it was saved.
        Saved = saved && StepRequest?.Answer is not null;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        await LoadAsync(token);
        if (!await AntiforgeryPassedAsync()) return await PageAsync();
        if (State != LinkState.Open) return await ShowAsync();

        var read = FormAnswers.Read(Form!.Fields, name => Request.Form[name].Select(v => v ?? "").ToList(), Language, Koostoo.Networks.NetworkTime.Today(time.GetUtcNow()));
        if (!read.IsValid)
        {
            Errors = read.Errors;
            _posted = new JsonObject(Form.Fields.Select(f => KeyValuePair.Create<string, JsonNode?>(f.Name,
                new JsonArray(Request.Form[f.Name].Select(v => (JsonNode?)v).ToArray()))));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync();
        }
        var formBookmark = Guid.TryParse(Request.Form["b"], out var b) ? b : Guid.Empty;
        switch (await requests.SubmitAsync(StepRequest!, formBookmark, read.Answer, AnswerChannel.WebForm))
        {
            case SubmitResult.Saved:
                // Post, redirect, get: a reload shows the confirmation instead of posting again.
                return Redirect(Request.Link($"/r/{token}?saved=true"));
            case SubmitResult.Stale:
                await LoadAsync(token);
                Stale = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await PageAsync();
            default:
                await LoadAsync(token);
                return await ShowAsync();
        }
    }

    /// <summary>The member hands the request to a colleague: errors beside the fields with nothing saved, else the old link's page.</summary>
    public async Task<IActionResult> OnPostHandOverAsync(string token)
    {
        await LoadAsync(token);
        if (!await AntiforgeryPassedAsync()) return await PageAsync();
        if (State != LinkState.Open) return await ShowAsync();
        HandOverValues = new HandOverDraft(Request.Form["name"].ToString(), Request.Form["email"].ToString(), Request.Form["note"].ToString());
        var formBookmark = Guid.TryParse(Request.Form["b"], out var b) ? b : Guid.Empty;
        var result = await handOvers.HandOverAsync(StepRequest!, formBookmark, HandOverValues, Language, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case HandOverOutcome.HandedOver:
                return Redirect(Request.Link($"/r/{token}?handed=true"));
            case HandOverOutcome.Invalid:
                HandOverErrors = result.Errors;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await PageAsync();
            case HandOverOutcome.Stale:
                await LoadAsync(token);
                Stale = State == LinkState.Open;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await PageAsync();
            default:
                await LoadAsync(token);
                HandOverRefused = State == LinkState.Open;
                if (HandOverRefused) Response.StatusCode = StatusCodes.Status409Conflict;
                return HandOverRefused ? await PageAsync() : await ShowAsync();
        }
    }

    private async Task<bool> AntiforgeryPassedAsync()
    {
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException e)
        {
            logger.LogInformation("A form on a request page was refused by the anti-forgery check: {Reason}", e.Message);
            Expired = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }
    }

    /// <summary>The values to show in a field: what was just posted (with errors), else the saved answer.</summary>
    public IReadOnlyList<string> Values(string field)
    {
        var node = (_posted ?? (StepRequest?.Answer is { } answer ? JsonNode.Parse(answer)!.AsObject() : null))?[field];
        return node switch
        {
            null => [],
            JsonArray array => array.Select(Text).ToList(),
            _ => [Text(node)],
        };
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValue v => v.ToString(),
        _ => "",
    };

    private async Task LoadAsync(string token)
    {
        Token = token;
        (State, StepRequest) = await requests.FindAsync(token, HttpContext.RequestAborted);
        if (StepRequest is null) return;
        Form = RequestForm.FromJson(StepRequest.Form);
        UiLanguage.Prefer(HttpContext, StepRequest.Language);
    }

    /// <summary>
    /// The page, with what it says of hand-overs: read only for a page that is shown, so that an answer that is saved and
    /// redirected does not pay for it (docs/scale.md, The request page).
    /// </summary>
    private async Task<PageResult> PageAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (StepRequest is not null && State == LinkState.HandedOver) HandedTo = await handOvers.HandedToAsync(StepRequest, ct);
        if (StepRequest is not null && State == LinkState.Open) (CanHandOver, HandedBy) = await handOvers.FactsAsync(StepRequest, ct);
        return Page();
    }

    private Task<PageResult> ShowAsync()
    {
        Response.StatusCode = State switch
        {
            LinkState.Unknown => StatusCodes.Status404NotFound,
            LinkState.Closed when !Saved => StatusCodes.Status410Gone,
            LinkState.HandedOver when !JustHandedOver => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return PageAsync();
    }
}

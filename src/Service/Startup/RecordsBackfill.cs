using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Information;
using Koostoo.Networks.Members;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Startup;

/// <summary>
/// Networks that ran the lifecycle before its steps recorded what the members said kept it only in their workflow's
/// variables (<c>invitations</c>, <c>information</c>, <c>goalVote</c>, as the shipped lifecycle names them). At start-up
/// every answer found there that has no record yet becomes one: the suggested colleague, the information
/// contribution, the vote on the latest draft with its reason. By member, so a network still answering on its older
/// version is completed at the next start, and nothing is recorded twice.
/// Only networks whose workflow runs a version that does not record these answers itself are read, so that start-up
/// does not grow with the networks: a version whose steps for these variables all name a <c>record</c> shipped with
/// the code that records them, votes included.
/// </summary>
public static class RecordsBackfill
{
    private static readonly string[] Variables = ["invitations", "information", "goalVote"];

    public static async Task RunAsync(KoostooDbContext db, ILogger logger, CancellationToken ct)
    {
        var running = await (from n in db.Set<Network>()
                             join i in db.Instances on n.WorkflowInstanceId equals i.Id
                             select new { i.DefinitionId, i.DefinitionVersion }).Distinct().ToListAsync(ct);
        var unrecorded = new List<(string Id, int Number)>();
        foreach (var version in running)
        {
            var json = await db.DefinitionVersions.AsNoTracking()
                .Where(d => d.DefinitionId == version.DefinitionId && d.Version == version.DefinitionVersion).Select(d => d.Json).FirstOrDefaultAsync(ct);
            if (json is null || !RecordsItsAnswers(JsonNode.Parse(json))) unrecorded.Add((version.DefinitionId, version.DefinitionVersion));
        }
        if (unrecorded.Count == 0) return;
        var states = new Dictionary<Guid, string>();
        foreach (var (id, number) in unrecorded)
            foreach (var instance in await db.Instances.AsNoTracking().Where(i => i.DefinitionId == id && i.DefinitionVersion == number)
                         .Select(i => new { i.Id, i.State }).ToListAsync(ct))
                states[instance.Id] = instance.State;
        var ids = states.Keys.ToList();
        var networks = await db.Set<Network>().Include(n => n.Members)
            .Where(n => n.WorkflowInstanceId != null && ids.Contains(n.WorkflowInstanceId.Value)).ToListAsync(ct);
        var added = 0;
        foreach (var network in networks)
        {
            if (!states.TryGetValue(network.WorkflowInstanceId!.Value, out var json)) continue;
            var variables = InstanceState.Read(json).Variables;
            added += await SuggestionsAsync(db, network, Answers(variables, "invitations"), ct);
            added += await ContributionsAsync(db, network, Answers(variables, "information"), ct);
            added += await VotesAsync(db, network, Answers(variables, "goalVote"), ct);
        }
        if (added == 0) return;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Recorded {Count} earlier answers from workflow variables", added);
    }

    /// <summary>True when every step that keeps its answers in one of <see cref="Variables"/> also records them.</summary>
    private static bool RecordsItsAnswers(JsonNode? node) => node switch
    {
        JsonObject step when step["variable"] is JsonValue variable && Variables.Contains(variable.ToString())
            => step["record"] is JsonValue record && record.ToString().Length > 0,
        JsonObject other => other.All(p => RecordsItsAnswers(p.Value)),
        JsonArray array => array.All(RecordsItsAnswers),
        _ => true,
    };

    private static IEnumerable<(Guid MemberId, string Name, DateTimeOffset At, JsonObject Answer)> Answers(JsonObject variables, string name) =>
        (variables[name]?["answers"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Where(a => Guid.TryParse(a["memberId"]?.ToString(), out _) && a["answer"] is JsonObject)
        .Select(a => (Guid.Parse(a["memberId"]!.ToString()), a["name"]?.ToString() ?? "", a["at"]?.GetValue<DateTimeOffset>() ?? default, a["answer"]!.AsObject()));

    private static async Task<int> SuggestionsAsync(KoostooDbContext db, Network network, IEnumerable<(Guid MemberId, string Name, DateTimeOffset At, JsonObject Answer)> answers, CancellationToken ct)
    {
        var known = await db.Set<ColleagueSuggestion>().Where(s => s.NetworkId == network.Id).Select(s => s.SuggestedByMemberId).ToListAsync(ct);
        var added = 0;
        foreach (var (memberId, name, at, answer) in answers)
        {
            if (known.Contains(memberId) || Text(answer, "colleague") is not { } colleague) continue;
            db.Add(new ColleagueSuggestion { NetworkId = network.Id, SuggestedByMemberId = memberId, SuggestedBy = name, Colleague = colleague.Length > 500 ? colleague[..500] : colleague, SuggestedAt = at });
            added++;
        }
        return added;
    }

    private static async Task<int> ContributionsAsync(KoostooDbContext db, Network network, IEnumerable<(Guid MemberId, string Name, DateTimeOffset At, JsonObject Answer)> answers, CancellationToken ct)
    {
        var known = await db.Set<Contribution>().Where(c => c.NetworkId == network.Id).Select(c => c.MemberId).ToListAsync(ct);
        var added = 0;
        foreach (var (memberId, name, at, answer) in answers)
        {
            if (known.Contains(memberId) || Text(answer, "knows") is not { } knows) continue;
            db.Add(new Contribution
            {
                NetworkId = network.Id, MemberId = memberId, RespondentName = name, Knows = knows, Offers = Text(answer, "offers"), GivenAt = at,
                Sector = network.Members.FirstOrDefault(m => m.Id == memberId)?.Sector ?? Sector.Other,
            });
            added++;
        }
        return added;
    }

    /// <summary>The variable holds the last vote only: its votes belong to the latest draft.</summary>
    private static async Task<int> VotesAsync(KoostooDbContext db, Network network, IEnumerable<(Guid MemberId, string Name, DateTimeOffset At, JsonObject Answer)> answers, CancellationToken ct)
    {
        var draft = await db.Set<Goal>().Where(g => g.NetworkId == network.Id).MaxAsync(g => (int?)g.Draft, ct);
        if (draft is null) return 0;
        var known = await db.Set<GoalVote>().Where(v => v.NetworkId == network.Id && v.Draft == draft).Select(v => v.MemberId).ToListAsync(ct);
        var added = 0;
        foreach (var (memberId, name, at, answer) in answers)
        {
            if (known.Contains(memberId) || answer["approve"] is not JsonValue value || !value.TryGetValue<bool>(out var approve)) continue;
            db.Add(new GoalVote { NetworkId = network.Id, Draft = draft.Value, MemberId = memberId, RespondentName = name, Approve = approve, Reason = Text(answer, "why"), VotedAt = at });
            added++;
        }
        return added;
    }

    private static string? Text(JsonObject answer, string field) => answer[field]?.ToString() is { Length: > 0 } text ? text.Trim() : null;
}

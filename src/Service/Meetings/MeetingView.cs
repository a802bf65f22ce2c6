using Koostoo.Networks.Meetings;

namespace Koostoo.Service.Meetings;

public sealed record MeetingView(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineLink,
    string? Agenda, string? Memo, int Sequence, DateTimeOffset CreatedAt)
{
    public static MeetingView Of(Meeting m) => new(m.Id, m.Title, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink, m.Agenda, m.Memo, m.Sequence, m.CreatedAt);
}

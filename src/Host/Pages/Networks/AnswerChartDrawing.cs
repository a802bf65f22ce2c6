using Koostoo.Language;
using System.Globalization;
using Koostoo.Networks;
using Koostoo.Service.Networks;

namespace Koostoo.Host.Pages.Networks;

/// <summary>
/// Where the parts of an answer chart go in its SVG: time runs left to right from when the step asked to when it closed
/// (or now, or its deadline if later), answers count up to everyone asked. Drawn on the server so that it needs no
/// script, and small enough to read on a phone (it scales to the card's width).
/// </summary>
public sealed class AnswerChartDrawing
{
    public const int Width = 320, Height = 150;
    private const int Left = 28, Right = 312, Top = 12, Bottom = 118;
    private readonly DateTimeOffset _start, _end;

    public AnswerChartDrawing(AnswerChart chart, DateTimeOffset now)
    {
        Chart = chart;
        _start = chart.AskedAt;
        var last = new[] { chart.ClosedAt ?? now, chart.Deadline ?? _start }.Concat(chart.Answers).Concat(chart.Reminders).Max();
        _end = last > _start ? last : _start.AddHours(1);
    }

    public AnswerChart Chart { get; }
    public static int PlotLeft => Left;
    public static int PlotRight => Right;
    public static int PlotTop => Top;
    public static int PlotBottom => Bottom;

    public string X(DateTimeOffset moment) => Number(Left + (Right - Left) * (moment - _start).TotalSeconds / (_end - _start).TotalSeconds);

    public string Y(int answers) => Number(Bottom - (Bottom - Top) * (double)answers / Math.Max(1, Chart.Asked));

    /// <summary>The count of answers as a staircase: flat until an answer comes, then one step up.</summary>
    public string AnswersPath()
    {
        var path = new System.Text.StringBuilder($"M{X(_start)},{Y(0)}");
        for (var i = 0; i < Chart.Answers.Count; i++)
            path.Append(CultureInfo.InvariantCulture, $" H{X(Chart.Answers[i])} V{Y(i + 1)}");
        return path.Append(CultureInfo.InvariantCulture, $" H{X(_end)}").ToString();
    }

    public string StartLabel(string language) => Day(_start);
    public string EndLabel(string language) => Day(_end);

    /// <summary>What the chart shows, in words: for screen readers, and for anyone who would rather read.</summary>
    public string Text(string language)
    {
        var (answered, asked, before) = (Chart.Answers.Count, Chart.Asked, Chart.AnsweredBeforeDeadline);
        var reminders = Chart.Reminders.Select(Day).ToList();
        var words = Words.In(language);
        return (Chart.Deadline is null ? words["Chart.Answered", answered, asked] : words["Chart.AnsweredBeforeDeadline", answered, asked, before, Day(Chart.Deadline.Value)])
            + (reminders.Count == 0 ? words["Chart.NoReminders"] : words["Chart.Reminders", string.Join(", ", reminders)]);
    }

    private static string Day(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(NetworkTime.ZoneId)).ToString("d.M", CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}

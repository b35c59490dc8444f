using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>The calendar's filters, rows and month grid (Monday-first weeks covering the month).</summary>
public static class ActivityCalendar
{
    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is > 2000 and < 2100 ? m : null;

    public static IQueryable<Activity> Filtered(IQueryable<Activity> activities, ActivityFilter filter)
    {
        if (filter.CommunityId is { } community) activities = activities.Where(a => a.CommunityId == community);
        if (filter.Stream is { } stream) activities = activities.Where(a => a.Stream == stream);
        if (filter.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (!filter.IsList) return activities;
        if (filter.From is { } from)
        {
            var fromUtc = ReportPeriod.StartUtc(from);
            activities = activities.Where(a => a.StartUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = ReportPeriod.EndUtcExclusive(to);
            activities = activities.Where(a => a.StartUtc < toUtc);
        }
        if (filter.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (filter.CompoundId is { } compound) activities = activities.Where(a => a.CompoundId == compound);
        if (filter.UnitId is { } unit && !filter.AwaitingUnits) activities = activities.Where(DashboardRules.JoinedBy(unit));
        if (filter.AwaitingUnits)
        {
            var awaited = filter.UnitId;
            activities = activities.Where(a => a.Status == ActivityStatus.Planned
                && a.Units.Any(u => u.IsInvited && u.ConfirmedAtUtc == null && (awaited == null || u.MemberUnitId == awaited)));
        }
        return activities;
    }

    public static IQueryable<ActivityRow> Rows(IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityRow(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Community!.Name, a.Compound != null ? a.Compound.Name : null,
            a.Kind, a.Stream, a.Status, a.Place));

    /// <summary>The first and last day shown for <paramref name="month"/>: Monday of its first week to Sunday of its last.</summary>
    public static (DateOnly First, DateOnly Last) GridOf(DateOnly month)
    {
        var lastOfMonth = month.AddMonths(1).AddDays(-1);
        return (MondayOf(month), MondayOf(lastOfMonth).AddDays(6));
    }

    /// <summary>The Monday of the (Monday-first) week <paramref name="day"/> falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The weeks from <paramref name="first"/> to <paramref name="last"/>, each day with the activities that touch it.</summary>
    public static List<IReadOnlyList<CalendarDay>> Weeks(DateOnly first, DateOnly last, DateOnly month, DateOnly today, IReadOnlyList<ActivityRow> rows)
    {
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var day = first; day <= last; day = day.AddDays(7))
        {
            var week = new List<CalendarDay>();
            for (var i = 0; i < 7; i++)
            {
                var date = day.AddDays(i);
                var startUtc = ChinaTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
                var endUtc = startUtc.AddDays(1);
                week.Add(new CalendarDay(date, date.Month == month.Month, date == today,
                    [.. rows.Where(r => r.StartUtc < endUtc && r.EndUtc > startUtc)]));
            }
            weeks.Add(week);
        }
        return weeks;
    }
}

using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Web.Features.Dashboards;

namespace TongkuangAlliance.Web.Infrastructure.Scheduling;

/// <summary>
/// The time-based rules of issue 17 (ADR 0013): each method finds the records whose time has come, raises the event
/// of <see cref="NotificationRules"/> and writes its notifications through the same <see cref="NotificationWriter"/>
/// resolution (audience, actor, scope). Every method is idempotent: what it told is recorded as a
/// <see cref="ScheduledReminder"/> (unique per rule, record and day) in the same save as the notifications, so a
/// trigger fired twice, on two instances or after a restart, writes once. The Quartz jobs call these; the tests call
/// them directly with a clock of their own. Each returns the number of notifications written.
/// </summary>
public sealed class ScheduledRules(AppDbContext db, TimeProvider clock, DashboardQueries dashboards, IOptions<DashboardOptions> dashboardOptions)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Terms and action items due in <see cref="NotificationRules.DueSoonDays"/> days (once each), overdue terms (daily, at most 7 times) and overdue action items (once).</summary>
    public async Task<int> DueAndOverdueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var today = ChinaTime.Today(clock);
        var soon = today.AddDays(NotificationRules.DueSoonDays);
        var written = 0;

        var terms = db.AgreementTerms.AsNoTracking().Include(t => t.Case).Include(t => t.ObligatedParty)
            .Where(t => t.Status == AgreementTermStatus.Pending);
        foreach (var term in await terms.Where(t => t.DueDate > today && t.DueDate <= soon).OrderBy(t => t.Id).ToListAsync(ct))
            written += await TellOnceAsync(NotificationKind.TermDueSoon, $"Term:{term.Id}", term.DueDate, new TermDueSoon(term, now), ct);

        // Overdue: once a day until fulfilled (a fulfilled term is no longer pending), at most OverdueMaxReminders times.
        var overdueRule = nameof(NotificationKind.TermOverdue);
        var sent = await db.ScheduledReminders.AsNoTracking().Where(r => r.Rule == overdueRule)
            .GroupBy(r => r.RecordKey).Select(g => new { Key = g.Key, Count = g.Count(), Today = g.Any(r => r.Day == today) })
            .ToDictionaryAsync(x => x.Key, ct);
        foreach (var term in await terms.Where(AgreementTerm.OverdueOn(today)).OrderBy(t => t.Id).ToListAsync(ct))
        {
            var key = $"Term:{term.Id}";
            var count = sent.TryGetValue(key, out var s) ? s.Count : 0;
            if (count >= NotificationRules.OverdueMaxReminders || s?.Today == true) continue;
            written += await TellOnceAsync(NotificationKind.TermOverdue, key, today, new TermOverdue(term, count + 1, now), ct);
        }

        var items = db.ActionItems.AsNoTracking().Where(a => a.Status != WorkStatus.Done);
        foreach (var item in await items.Where(a => a.DueDate > today && a.DueDate <= soon).OrderBy(a => a.Id).ToListAsync(ct))
            written += await TellOnceAsync(NotificationKind.ActionItemDueSoon, $"ActionItem:{item.Id}", item.DueDate, new ActionItemDueSoon(item, now), ct);
        foreach (var item in await items.Where(ActionItem.OverdueOn(today)).OrderBy(a => a.Id).ToListAsync(ct))
            written += await TellOnceAsync(NotificationKind.ActionItemOverdue, $"ActionItem:{item.Id}", item.DueDate, new ActionItemOverdue(item, now), ct);
        return written;
    }

    /// <summary>
    /// Cases whose deadline light turned red (<see cref="Case.Overdue"/>) or yellow (<see cref="Case.Stale"/> and not
    /// red): once per deadline — the day of the deadline passed is the reminder's day, so a new deadline (accepted,
    /// then late to resolve; a note, then stale again) tells again.
    /// </summary>
    public async Task<int> CaseDeadlinesAsync(CancellationToken ct = default)
    {
        var now = Now;
        var written = 0;
        foreach (var kase in await db.Cases.AsNoTracking().Where(Case.OverdueAt(now)).OrderBy(c => c.Id).ToListAsync(ct))
        {
            var deadline = kase.Status == CaseStatus.Registered && kase.AcceptDueAtUtc < now ? kase.AcceptDueAtUtc : kase.ResolveDueAtUtc;
            written += await TellOnceAsync(NotificationKind.CaseDeadlineRed, $"Case:{kase.Id}", ChinaDay(deadline), new CaseDeadlineTurned(kase, Red: true, now), ct);
        }
        foreach (var kase in await db.Cases.AsNoTracking().Where(Case.StaleAt(now)).OrderBy(c => c.Id).ToListAsync(ct))
        {
            if (kase.IsOverdue(now)) continue;
            written += await TellOnceAsync(NotificationKind.CaseDeadlineYellow, $"Case:{kase.Id}", ChinaDay(kase.UpdateDueAtUtc), new CaseDeadlineTurned(kase, Red: false, now), ct);
        }
        return written;
    }

    /// <summary>The day before: planned activities starting tomorrow (China time) tell everyone signed up and every invited unit.</summary>
    public async Task<int> DayBeforeAsync(CancellationToken ct = default)
    {
        var now = Now;
        var tomorrow = ChinaTime.Today(clock).AddDays(1);
        var from = ReportPeriod.StartUtc(tomorrow);
        var to = ReportPeriod.EndUtcExclusive(tomorrow);
        var written = 0;
        foreach (var activity in await db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Planned && a.StartUtc >= from && a.StartUtc < to)
                     .OrderBy(a => a.Id).ToListAsync(ct))
            written += await TellOnceAsync(NotificationKind.ActivityTomorrow, $"Activity:{activity.Id}", tomorrow, new ActivityTomorrow(activity, now), ct);
        return written;
    }

    /// <summary>The past Monday–Sunday (China time) before <paramref name="today"/>.</summary>
    public static ReportPeriod PastWeek(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new ReportPeriod(PeriodKind.Custom, monday.AddDays(-7), monday.AddDays(-1));
    }

    /// <summary>The month before <paramref name="today"/>'s.</summary>
    public static ReportPeriod PastMonth(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return ReportPeriod.Month(first.Year, first.Month);
    }

    /// <summary>
    /// Monday's digest for each sub-district committee: the past week's figures by the sub-district dashboard's own
    /// queries (<see cref="DashboardQueries.LoadAsync"/> for the week, <see cref="DashboardQueries.WatchAsync"/> as of today).
    /// </summary>
    public async Task<int> WeeklyDigestAsync(CancellationToken ct = default)
    {
        var now = Now;
        var today = ChinaTime.Today(clock);
        var period = PastWeek(today);
        var written = 0;
        foreach (var subDistrict in await db.SubDistricts.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct))
        {
            if (await AlreadyAsync(NotificationKind.WeeklyDigest, $"SubDistrict:{subDistrict}", period.From, ct)) continue;
            var figures = await WeeklyFiguresAsync(new UserScope(PortalRole.SubDistrictCommittee, subDistrict, null, null), period, now, today, ct);
            var digest = new NotificationDigest(DigestKind.Weekly, subDistrict, null, period.From, period.To, figures, now);
            written += await TellDigestAsync(NotificationKind.WeeklyDigest, $"SubDistrict:{subDistrict}", digest, ct);
        }
        return written;
    }

    /// <summary>The weekly digest's figures, by name (the digest page's rows, in this order).</summary>
    public async Task<Dictionary<string, decimal>> WeeklyFiguresAsync(UserScope scope, ReportPeriod period, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var week = await dashboards.LoadAsync(scope, period, nowUtc, null, breakdown: false, dashboardOptions.Value.MinCasesForRanking, ct);
        var watch = await dashboards.WatchAsync(scope, today, ct);
        return new()
        {
            [DigestFigures.NewCases] = week.Total.Registered,
            [DigestFigures.OverdueCases] = week.Total.Overdue,
            [DigestFigures.EscalatedOpen] = watch.EscalatedOpen,
            [DigestFigures.OverdueTerms] = watch.OverdueTerms,
            [DigestFigures.OverdueWork] = watch.OverdueWork,
            [DigestFigures.ServiceDays] = week.Total.ServiceDays,
            [DigestFigures.VolunteerHours] = week.Total.VolunteerHours,
        };
    }

    /// <summary>On the 1st, each member unit with an account gets the past month: what it owes now and what it did (the unit dashboard's query).</summary>
    public async Task<int> MonthlyUnitSummaryAsync(CancellationToken ct = default)
    {
        var now = Now;
        var period = PastMonth(ChinaTime.Today(clock));
        var written = 0;
        var units = await db.MemberUnits.AsNoTracking()
            .Where(u => db.Users.Any(a => a.IsActive && a.Role == PortalRole.PairedUnit && a.MemberUnitId == u.Id))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.SubDistrictId }).ToListAsync(ct);
        foreach (var unit in units)
        {
            if (await AlreadyAsync(NotificationKind.MonthlyUnitSummary, $"Unit:{unit.Id}", period.From, ct)) continue;
            var scope = new UserScope(PortalRole.PairedUnit, unit.SubDistrictId, null, unit.Id);
            var row = (await dashboards.UnitsAsync(scope, period, null, unit.Id, int.MaxValue, ct)).SingleOrDefault();
            if (row is null) continue;
            var figures = new Dictionary<string, decimal>
            {
                [DigestFigures.TermsPending] = row.TermsPending,
                [DigestFigures.ActionItemsOpen] = row.ActionItemsOpen,
                [DigestFigures.TermsFulfilled] = row.TermsFulfilled,
                [DigestFigures.ActivitiesJoined] = row.ActivitiesJoined,
                [DigestFigures.VolunteerHours] = row.VolunteerHours,
            };
            var digest = new NotificationDigest(DigestKind.MonthlyUnit, null, unit.Id, period.From, period.To, figures, now);
            written += await TellDigestAsync(NotificationKind.MonthlyUnitSummary, $"Unit:{unit.Id}", digest, ct);
        }
        return written;
    }

    private static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    private Task<bool> AlreadyAsync(NotificationKind rule, string key, DateOnly day, CancellationToken ct)
    {
        var name = rule.ToString();
        return db.ScheduledReminders.AnyAsync(r => r.Rule == name && r.RecordKey == key && r.Day == day, ct);
    }

    /// <summary>
    /// Writes the event's notifications and the reminder's record in one save, unless the record exists. Two instances
    /// racing past the check both try the insert; the unique index lets one of them in, the other writes nothing.
    /// </summary>
    private async Task<int> TellOnceAsync(NotificationKind rule, string key, DateOnly day, DomainEvent domainEvent, CancellationToken ct)
    {
        if (await AlreadyAsync(rule, key, day, ct)) return 0;
        var now = Now;
        var rows = await NotificationWriter.NotificationsForAsync(db, domainEvent, null, now, ct);
        db.ScheduledReminders.Add(new ScheduledReminder(rule.ToString(), key, day, now));
        db.Notifications.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another instance told it first
            return 0;
        }
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>The digest and its reminder record first (the notifications need the digest's id), then the notifications, in one transaction.</summary>
    private async Task<int> TellDigestAsync(NotificationKind rule, string key, NotificationDigest digest, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.NotificationDigests.Add(digest);
        db.ScheduledReminders.Add(new ScheduledReminder(rule.ToString(), key, digest.From, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
        var rows = await NotificationWriter.NotificationsForAsync(db, new DigestReady(digest, now), null, now, ct);
        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }
}

/// <summary>The names of a digest's figures (keys of <see cref="NotificationDigest.Figures"/> and of the resources Digest.Figure.{Name}).</summary>
public static class DigestFigures
{
    public const string NewCases = "NewCases";
    public const string OverdueCases = "OverdueCases";
    public const string EscalatedOpen = "EscalatedOpen";
    public const string OverdueTerms = "OverdueTerms";
    public const string OverdueWork = "OverdueWork";
    public const string ServiceDays = "ServiceDays";
    public const string VolunteerHours = "VolunteerHours";
    public const string TermsPending = "TermsPending";
    public const string ActionItemsOpen = "ActionItemsOpen";
    public const string TermsFulfilled = "TermsFulfilled";
    public const string ActivitiesJoined = "ActivitiesJoined";
}

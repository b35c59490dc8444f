using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.IntegrationTests.Features.Dashboards;

/// <summary>
/// A generated data set for the dashboard tests (cases and activities of 2023, away from the demo's dates) and the
/// expected figures computed independently, in plain LINQ over the loaded rows, from the rules the dashboard documents.
/// </summary>
internal static partial class DashboardData
{
    public static DateTime China(int year, int month, int day, int hour = 9) =>
        DateTime.SpecifyKind(new DateTime(year, month, day, hour, 0, 0) - TimeSpan.FromHours(8), DateTimeKind.Utc);

    /// <summary>Adds <paramref name="cases"/> cases and <paramref name="activities"/> activities registered/held in 2023 (fixed seed).</summary>
    public static Task GenerateAsync(PortalFactory factory, int cases, int activities, int seed = 2023) => factory.WithDbAsync(async db =>
    {
        var random = new Random(seed);
        var communities = await db.Communities.Include(c => c.Compounds).ThenInclude(k => k.Buildings).Include(c => c.Pairings)
            .OrderBy(c => c.Id).AsSplitQuery().ToListAsync();
        var categories = await db.CaseCategories.Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync();
        var handler = await db.Users.Where(u => u.Role == PortalRole.CommunityCommittee).Select(u => u.Id).FirstAsync();
        var kinds = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).Take(2).ToListAsync();

        for (var i = 0; i < cases; i++)
        {
            var community = communities[i % communities.Count];
            var compound = community.Compounds[random.Next(community.Compounds.Count)];
            var building = compound.Buildings.Count > 0 ? compound.Buildings[random.Next(compound.Buildings.Count)] : null;
            var registered = China(2023, 1, 1).AddDays(random.Next(0, 364)).AddHours(random.Next(0, 10));
            var kind = random.Next(2) == 0 ? CaseKind.Dispute : CaseKind.Request;
            var kase = Case.Register(new CaseDetails(kind, CaseSource.WalkIn, "测试居民", "13900000000", community.Id, compound.Id, building?.Id, building?.GridId,
                $"看板测试 {i}", "看板测试案件", registered.AddDays(-1), CaseUrgency.Normal), categories[random.Next(categories.Count)], registered, null);
            var path = random.NextDouble();
            var at = registered;
            DateTime Later(int maxDays) => at = at.AddDays(random.Next(0, maxDays)).AddHours(random.Next(1, 20));
            if (path < 0.12) { }
            else if (path < 0.22) kase.Accept(handler, Later(3), null);
            else if (path < 0.28) kase.CloseEarly(CaseCloseKind.Duplicate, "重复登记", Later(3), null);
            else
            {
                kase.Accept(handler, Later(3), null);
                kase.StartMediation(Later(3), null);
                if (random.NextDouble() < 0.3)
                {
                    kase.Escalate("需街道协调", Later(5), null);
                    if (random.NextDouble() < 0.5) kase.HandBack(null, "交回社区", Later(5), null);
                }
                if (random.NextDouble() < 0.85)
                {
                    kase.Resolve(false, "已化解", Later(40), null);
                    if (random.NextDouble() < 0.7)
                    {
                        var dissatisfied = random.NextDouble() < 0.2;
                        var followAt = Later(12);
                        kase.RecordFollowUp(ChinaDate(followAt), FollowUpMethod.Phone, dissatisfied ? Satisfaction.Dissatisfied : (Satisfaction)random.Next(1, 3),
                            null, dissatisfied ? "仍不满意" : null, followAt, null);
                        if (dissatisfied && random.NextDouble() < 0.6) kase.Resolve(false, "再次化解", Later(20), null);
                    }
                }
            }
            await CaseNumbers.SaveNewCaseAsync(db, kase);
        }

        for (var i = 0; i < activities; i++)
        {
            var community = communities[i % communities.Count];
            var compound = community.Compounds[random.Next(community.Compounds.Count)];
            var start = China(2023, 1, 1).AddDays(random.Next(0, 364));
            var serviceDay = random.NextDouble() < 0.7;
            var units = community.Pairings.Select(p => p.MemberUnitId).Distinct().Take(random.Next(0, 3)).ToList();
            var activity = Activity.Schedule(new ActivityDetails(community.Id, compound.Id, serviceDay ? ActivityKind.ServiceDay : ActivityKind.StreamActivity,
                serviceDay ? null : ActivityStream.Volunteering, $"看板测试活动 {i}", "广场", start, start.AddHours(3), ActivityOrganiser.CommunityCommittee, null, null,
                serviceDay ? [new PlannedService(kinds[0], 2), new PlannedService(kinds[1], 1)] : [], units), start.AddDays(-1));
            // Some invited units confirm (every other one), so a unit's participation counts only those (issue 19).
            foreach (var (unit, n) in units.Select((u, n) => (u, n)).Where(x => (i + x.n) % 2 == 0))
                activity.ConfirmParticipation(unit, null, start.AddDays(-1));
            var state = random.NextDouble();
            if (state < 0.12) activity.Cancel("改期", start.AddDays(-1));
            else if (state > 0.22)
                activity.RecordResults(serviceDay ? new Dictionary<int, int?> { [kinds[0]] = random.Next(0, 40), [kinds[1]] = random.Next(0, 20) } : new Dictionary<int, int?>(),
                    0, null, start.AddHours(4));
            db.Activities.Add(activity);
        }
        await db.SaveChangesAsync();
    });

    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc + TimeSpan.FromHours(8));

    public sealed record Expected(int ServiceDays, int Visits, int Disputes, int Requests, int Open, int Overdue, int Registered, int RegisteredResolved,
        string AverageDays, int FollowedUp, int Satisfied, int DisputesNotEscalated);

    public sealed record Rows(List<Case> Cases, List<Activity> Activities);

    public static Task<Rows> LoadAsync(PortalFactory factory) => factory.WithDbAsync(async db => new Rows(
        await db.Cases.AsNoTracking().Include(c => c.FollowUps).ToListAsync(),
        await db.Activities.AsNoTracking().Include(a => a.Services).Include(a => a.Units).AsSplitQuery().ToListAsync()));

    /// <summary>The figures for China days <paramref name="from"/>…<paramref name="to"/>, over the rows of <paramref name="communityIds"/> (all when null).</summary>
    public static Expected Compute(Rows rows, DateOnly from, DateOnly to, DateTime now, Func<int, bool>? community = null, Func<Case, bool>? extra = null)
    {
        community ??= _ => true;
        var cases = rows.Cases.Where(c => community(c.CommunityId) && (extra?.Invoke(c) ?? true)).ToList();
        bool In(DateTime? utc) => utc is { } u && ChinaDate(u) >= from && ChinaDate(u) <= to;
        var resolved = cases.Where(c => In(c.ResolvedAtUtc)).ToList();
        var registered = cases.Where(c => In(c.RegisteredAtUtc)).ToList();
        var followed = cases.Where(c => c.FollowUps.Any(f => f.Date >= from && f.Date <= to)).ToList();
        var serviceDays = rows.Activities.Where(a => community(a.CommunityId) && a.Kind == ActivityKind.ServiceDay && a.Status == ActivityStatus.Held && In(a.StartUtc)).ToList();
        return new Expected(
            serviceDays.Count,
            serviceDays.Sum(a => a.Services.Sum(s => s.ResidentsServed ?? 0)),
            resolved.Count(c => c.Kind == CaseKind.Dispute),
            resolved.Count(c => c.Kind == CaseKind.Request),
            cases.Count(c => c.IsUnresolved),
            cases.Count(c => c.IsOverdue(now)),
            registered.Count,
            registered.Count(c => c.ResolvedAtUtc != null),
            resolved.Count == 0 ? "—" : resolved.Average(c => ChinaDate(c.ResolvedAtUtc!.Value).DayNumber - ChinaDate(c.RegisteredAtUtc).DayNumber).ToString("0.0", CultureInfo.InvariantCulture),
            followed.Count,
            followed.Count(c => !c.FollowUps.Any(f => f.Date >= from && f.Date <= to && f.Satisfaction == Satisfaction.Dissatisfied)),
            resolved.Count(c => c.Kind == CaseKind.Dispute && c.EscalatedAtUtc == null));
    }

    public static string Figure(IHtmlDocument page, string id) =>
        page.QuerySelector($"#figure-{id} .figure-value")?.TextContent.Trim() ?? throw new InvalidOperationException($"no figure {id}");

    public static int Part(IHtmlDocument page, string id) => int.Parse(page.QuerySelector($"#figure-{id} .figure-part")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    public static int Whole(IHtmlDocument page, string id) => int.Parse(page.QuerySelector($"#figure-{id} .figure-whole")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    /// <summary>How many rows the list page says it has (no count line: an empty list).</summary>
    public static int ListCount(IHtmlDocument list)
    {
        var text = list.QuerySelector("#list-count")?.TextContent;
        return text is null ? 0 : int.Parse(Digits().Match(text).Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

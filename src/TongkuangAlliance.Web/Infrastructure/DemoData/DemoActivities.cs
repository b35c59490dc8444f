using System.Security.Cryptography;
using System.Text;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's activity calendar. History (fixed dates): exactly <see cref="HistoricServiceDays"/> service days held
/// between 2019-09-29 and 2020-06-30 across the six communities — the source report's "68 held" — whose results
/// sum to exactly <see cref="HistoricResidentVisits"/> resident visits ("1,200+"). Around the seeding day: for each
/// community a recently held service day, a held "1+6" activity, planned service days and a planned "1+6" activity
/// in the coming weeks, and one cancelled with a reason. 南区社区's recent service day comes first (activity 1) and
/// holds two collected difficulties, the second already raised as a resident-request case; its next planned
/// service day (activity 2) awaits 铜矿工程部's confirmation. Seeded only into an empty activity table.
/// Demo feed tokens are derived from the demo password (whoever knows it can sign in and read them anyway);
/// a regenerated token, and every token outside the demo, is random.
/// </summary>
public sealed class DemoActivities(AppDbContext db, TimeProvider clock)
{
    public const int HistoricServiceDays = 68;
    public const int HistoricResidentVisits = 1226;
    public static readonly DateOnly HistoryFrom = new(2019, 9, 29);
    public static readonly DateOnly HistoryTo = new(2020, 6, 30);
    public const string SouthRecentTitle = "建安小区便民接待日";
    public const string SouthPlannedTitle = "建安小区便民接待日（义诊专场）";
    public const string SouthDifficulty = "建安小区 2 栋楼道灯不亮，老人夜间上下楼不便。";
    public const string SouthRaisedDifficulty = "南山小区 1 栋屋顶漏水，请求协调维修。";
    public const string CancelReason = "天气预报有大到暴雨，为安全起见改期举办。";

    /// <summary>The demo's feed token of a community: reproducible from the demo password, so the tests can subscribe.</summary>
    public static string FeedToken(string demoPassword, string communityName)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(demoPassword), Encoding.UTF8.GetBytes("tk-activity-feed:" + communityName));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public async Task SeedAsync(IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, MemberUnit> units,
        string demoPassword, CancellationToken cancellationToken)
    {
        await ActivityQueries.EnsureDefaultServiceKindsAsync(db, cancellationToken);
        await SeedFeedsAsync(communities, demoPassword, cancellationToken);
        if (await db.Activities.AnyAsync(cancellationToken)) return;

        var kinds = await db.ServiceKinds.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).Select(k => k.Id).ToListAsync(cancellationToken);
        var category = await db.CaseCategories.Where(c => c.Name == "市政设施").SingleAsync(cancellationToken);
        var ordered = DemoCatalog.Communities.Select(c => communities[c.Name]).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);

        List<int> PairedOn(Community community, DateOnly date) =>
        [
            .. DemoCatalog.Pairings
                .Where(p => p.Community == community.Name && p.Start <= date && (p.End is null || p.End >= date))
                .Select(p => units[p.Unit].Id).Distinct(),
        ];

        Activity Plan(Community community, Compound? compound, ActivityKind kind, ActivityStream? stream, string title, DateOnly date,
            int startHour, int hours, IReadOnlyList<PlannedService> services, IReadOnlyList<int> unitIds, string? description = null,
            ActivityOrganiser organiser = ActivityOrganiser.CommunityCommittee, int? organiserUnit = null)
        {
            var start = ChinaTime.ToUtc(date.ToDateTime(new TimeOnly(startHour, 0)));
            var details = new ActivityDetails(community.Id, compound?.Id, kind, stream, title, compound?.Address ?? community.Address ?? community.Name,
                start, start.AddHours(hours), organiser, organiserUnit, description, services, unitIds);
            // Scheduled a week ahead, as the committees do. Seeding invites and cancels nobody in earnest: no notifications.
            var activity = Activity.Schedule(details, start < now ? start.AddDays(-7) : now);
            activity.ClearDomainEvents();
            return activity;
        }

        List<PlannedService> Services(int seed) =>
        [
            new(kinds[0], 2),
            new(kinds[1 + (seed % 3)], 3),
            new(kinds[4 + (seed % 3)], 2),
        ];

        void Results(Activity activity, int total, int disputes, string summary)
        {
            var offered = activity.Services.ToList();
            var served = new Dictionary<int, int?>();
            var left = total;
            for (var i = 0; i < offered.Count; i++)
            {
                var share = i == offered.Count - 1 ? left : total / (i == 0 ? 2 : 3);
                served[offered[i].ServiceKindId] = share;
                left -= share;
            }
            activity.RecordResults(served, disputes, summary, activity.EndUtc.AddHours(2));
        }

        // The units that took part confirmed beforehand (of two or more, now and then one did not), as the source report implies.
        var heldDays = new List<Activity>();
        void Confirmed(Activity activity, int seed)
        {
            var invited = activity.Units.Where(u => u.IsInvited).Select(u => u.MemberUnitId).ToList();
            for (var n = 0; n < invited.Count; n++)
                if (invited.Count < 2 || (seed + n) % 7 != 6) activity.ConfirmParticipation(invited[n], null, activity.StartUtc.AddDays(-2));
        }

        // ---- 南区社区 first: activity 1 (held, with difficulties) and activity 2 (planned, 铜矿工程部 invited) ----
        var south = communities[DemoCatalog.SouthCommunity];
        var jianan = south.Compounds.Single(c => c.Name == "建安小区");
        var recent = Plan(south, jianan, ActivityKind.ServiceDay, null, SouthRecentTitle, today.AddDays(-5), 9, 3, Services(0), PairedOn(south, today),
            "在建安小区广场设点，提供理发、家电维修、纠纷调解等服务。");
        Confirmed(recent, 0);
        Results(recent, 46, 2, "共服务群众 46 人次，现场调解邻里纠纷 2 起，收集困难诉求 2 条。");
        db.Activities.Add(recent);
        await db.SaveChangesAsync(cancellationToken);
        var resident1 = DemoCatalog.PersonName("建安小区", 71);
        recent.AddDifficulty(resident1, DemoCatalog.Phone("建安小区", 71), SouthDifficulty, recent.EndUtc);
        await db.SaveChangesAsync(cancellationToken);
        var second = recent.AddDifficulty(DemoCatalog.PersonName("南山小区", 72), DemoCatalog.Phone("南山小区", 72), SouthRaisedDifficulty, recent.EndUtc);
        var kase = recent.RaiseCase(second, category, recent.EndUtc.AddHours(3), null);
        await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);

        var engineering = units[DemoCatalog.MineEngineering].Id;
        // Tomorrow: its day-before reminder is in the outbox (issue 17).
        var planned = Plan(south, jianan, ActivityKind.ServiceDay, null, SouthPlannedTitle, today.AddDays(1), 9, 3,
            [new(kinds[3], 4), new(kinds[0], 2), new(kinds[1], 3)], PairedOn(south, today), "职工医院医生义诊，工程部检修家电。");
        db.Activities.Add(planned);
        await db.SaveChangesAsync(cancellationToken);
        planned.ConfirmParticipation(units["德兴铜矿职工医院"].Id, "派 3 名医生、2 名护士参加义诊", now);
        _ = engineering; // 铜矿工程部 has not confirmed yet: the unit's page asks it to.

        // ---- the history: 68 service days, 2019-09-29 … 2020-06-30 ----
        var totals = Enumerable.Range(0, HistoricServiceDays).Select(i => 12 + (i * 5 % 13)).ToArray();
        totals[^1] += HistoricResidentVisits - totals.Sum();
        for (var i = 0; i < HistoricServiceDays; i++)
        {
            var community = ordered[i % ordered.Count];
            var compounds = community.Compounds.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            var compound = compounds[i / ordered.Count % compounds.Count];
            var date = HistoryFrom.AddDays(i * 4);
            var activity = Plan(community, compound, ActivityKind.ServiceDay, null, $"{compound.Name}便民接待日", date, 9, 3, Services(i), PairedOn(community, date));
            var disputes = i % 5 == 0 ? 1 : 0;
            Confirmed(activity, i);
            Results(activity, totals[i], disputes, $"共服务群众 {totals[i]} 人次" + (disputes > 0 ? "，现场调解纠纷 1 起。" : "。"));
            db.Activities.Add(activity);
            heldDays.Add(activity);
        }

        // ---- this year up to two weeks ago: about two service days a month in every community (last year one) ----
        for (var month = new DateOnly(today.Year - 1, 1, 1); month <= today; month = month.AddMonths(1))
            for (var c = 0; c < ordered.Count; c++)
                for (var slot = 0; slot < 2; slot++)
                {
                    var date = month.AddDays(7 + slot * 14 + c);
                    // Last year one a month is enough to compare with (and keeps the seeding fast); this year two.
                    if (date > today.AddDays(-14) || month.Year < today.Year && slot == 1) continue;
                    var community = ordered[c];
                    var compounds = community.Compounds.OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
                    var compound = compounds[(month.Month * 2 + slot) % compounds.Count];
                    var seed = month.Month * 2 + slot + c;
                    var activity = Plan(community, compound, ActivityKind.ServiceDay, null, $"{compound.Name}便民接待日", date, 9, 3, Services(seed), PairedOn(community, date));
                    var total = 12 + (seed * 7 % 23);
                    var disputes = seed % 4 == 0 ? 1 : 0;
                    Confirmed(activity, seed);
                    Results(activity, total, disputes, $"共服务群众 {total} 人次" + (disputes > 0 ? "，现场调解纠纷 1 起。" : "。"));
                    db.Activities.Add(activity);
                    heldDays.Add(activity);
                }

        // ---- around today, for every community ----
        var streams = Enum.GetValues<ActivityStream>();
        for (var c = 0; c < ordered.Count; c++)
        {
            var community = ordered[c];
            var compounds = community.Compounds.OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
            var first = compounds[0];
            var last = compounds[^1];
            var paired = PairedOn(community, today);
            var stream = streams[c % streams.Length];
            var nextStream = streams[(c + 3) % streams.Length];

            if (community != south)
            {
                var held = Plan(community, first, ActivityKind.ServiceDay, null, $"{first.Name}便民接待日", today.AddDays(-6 - c), 9, 3, Services(c), paired);
                Confirmed(held, c);
                heldDays.Add(held);
                Results(held, 20 + c * 3, c % 2, $"共服务群众 {20 + c * 3} 人次。");
                db.Activities.Add(held);
                db.Activities.Add(Plan(community, last, ActivityKind.ServiceDay, null, $"{last.Name}便民接待日", today.AddDays(3 + c), 9, 3, Services(c + 1), paired));
            }

            var streamHeld = Plan(community, c % 2 == 0 ? first : null, ActivityKind.StreamActivity, stream, $"{StreamTitle(stream)}（{community.Name}）",
                today.AddDays(-12 - c), 19, 2, [], paired, StreamDescription(stream));
            Confirmed(streamHeld, c);
            Results(streamHeld, 0, 0, $"{StreamTitle(stream)}顺利开展，居民参与踊跃。");
            db.Activities.Add(streamHeld);

            db.Activities.Add(Plan(community, c % 2 == 1 ? first : null, ActivityKind.StreamActivity, nextStream, $"{StreamTitle(nextStream)}（{community.Name}）",
                today.AddDays(9 + c), 19, 2, [], paired, StreamDescription(nextStream)));

            var cancelled = Plan(community, last, ActivityKind.ServiceDay, null, $"{last.Name}便民接待日（改期）", today.AddDays(1 + c), 9, 3, Services(c + 2), paired);
            cancelled.Cancel(CancelReason, now);
            cancelled.ClearDomainEvents();
            db.Activities.Add(cancelled);

            db.Activities.Add(Plan(community, first, ActivityKind.ServiceDay, null, $"{first.Name}便民接待日", today.AddDays(17 + c), 9, 3, Services(c + 3), paired));
        }
        await LinkServiceDayRequestsAsync(heldDays, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The requests registered with source 便民接待日 (the case history's) become the difficulties of the day they
    /// came from: the latest held service day of the same community on or before the day of registration, at most a
    /// month before. The cases already exist (numbered, told nobody): only the link is recorded.
    /// </summary>
    private async Task LinkServiceDayRequestsAsync(List<Activity> heldDays, CancellationToken cancellationToken)
    {
        var requests = await db.Cases.Where(c => c.Source == Core.Cases.CaseSource.ServiceDay && c.Kind == Core.Cases.CaseKind.Request)
            .Where(c => !db.ActivityDifficulties.Any(d => d.CaseId == c.Id)).OrderBy(c => c.RegisteredAtUtc).ToListAsync(cancellationToken);
        var byCommunity = heldDays.GroupBy(d => d.CommunityId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.StartUtc).ToList());
        foreach (var kase in requests)
        {
            if (!byCommunity.TryGetValue(kase.CommunityId, out var days)) continue;
            var registered = ChinaDate(kase.RegisteredAtUtc);
            var day = days.LastOrDefault(d => ChinaDate(d.StartUtc) <= registered);
            if (day is null || ChinaDate(day.StartUtc).AddDays(31) < registered) continue;
            day.AddRaisedDifficulty(kase, day.EndUtc);
        }
    }

    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    /// <summary>The first historic service day of the community at <paramref name="communityIndex"/> in <see cref="DemoCatalog.Communities"/>.</summary>
    public static DateOnly FirstHistoricDay(int communityIndex) => HistoryFrom.AddDays(communityIndex * 4);

    private async Task SeedFeedsAsync(IReadOnlyDictionary<string, Community> communities, string demoPassword, CancellationToken cancellationToken)
    {
        var existing = await db.ActivityFeeds.Select(f => f.CommunityId).ToListAsync(cancellationToken);
        foreach (var community in communities.Values.Where(c => !existing.Contains(c.Id)))
            db.ActivityFeeds.Add(ActivityFeed.WithToken(community.Id, FeedToken(demoPassword, community.Name)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string StreamTitle(ActivityStream stream) => stream switch
    {
        ActivityStream.HappyCompound => "幸福小区环境整治",
        ActivityStream.Consultation => "协商议事会",
        ActivityStream.EveningSchool => "居民夜校",
        ActivityStream.GrowingGarden => "成长乐园亲子活动",
        ActivityStream.ElderCareStation => "养老驿站健康讲座",
        _ => "志愿服务日",
    };

    private static string StreamDescription(ActivityStream stream) => stream switch
    {
        ActivityStream.HappyCompound => "清理楼道杂物、整治绿化带，党员志愿者带头。",
        ActivityStream.Consultation => "居民代表、物业和结对单位共同商议小区停车和加装电梯事项。",
        ActivityStream.EveningSchool => "讲授防范电信诈骗和智能手机使用。",
        ActivityStream.GrowingGarden => "铜矿小学教师辅导作业、组织亲子阅读。",
        ActivityStream.ElderCareStation => "社区卫生服务中心医生讲解高血压防治，免费测血压。",
        _ => "党员志愿者为独居老人打扫卫生、代购生活用品。",
    };
}

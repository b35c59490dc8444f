using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's case history, so the dashboards show the alliance's work as the source report tells it: between
/// 2019-09-29 and 2020-06-30, <see cref="HistoricDisputesResolved"/> disputes resolved (the story case of
/// <see cref="DemoCases"/> is one of them) and <see cref="HistoricRequestsSolved"/> difficulties solved — all
/// accepted, resolved and most followed up and closed by the community's own committee, a few disputes having gone
/// up to the sub-district first. And a believable current year: cases registered since 1 January, most of them
/// resolved, some still open (a few overdue). Deterministic (fixed seed), numbered in one batch and saved with one
/// SaveChanges; seeded once (the 2019 case numbers mark it).
/// </summary>
public sealed class DemoCaseHistory(AppDbContext db, TimeProvider clock)
{
    public const int HistoricDisputesResolved = 45;
    public const int HistoricRequestsSolved = 247;

    private static readonly string[] DisputeCategories = ["邻里纠纷", "邻里纠纷", "家庭纠纷", "物业管理", "劳动纠纷", "人身损害赔偿", "市政设施"];
    private static readonly string[] RequestCategories = ["物业管理", "市政设施", "市政设施", "其他", "其他"];

    private static readonly Dictionary<string, string[]> Titles = new()
    {
        ["邻里纠纷"] = ["{0}楼上楼下漏水纠纷", "{0}邻里噪音纠纷", "{0}楼道堆物引发邻里争执", "{0}相邻通行纠纷", "{0}宠物扰民纠纷"],
        ["家庭纠纷"] = ["{0}老人赡养纠纷", "{0}家庭财产分割纠纷", "{0}婚姻家庭矛盾"],
        ["物业管理"] = ["{0}停车位分配争议", "{0}物业费缴纳纠纷", "{0}楼道灯不亮", "{0}电梯故障报修", "{0}绿化带杂草清理"],
        ["劳动纠纷"] = ["{0}装修工人工资拖欠", "{0}保洁员工资纠纷"],
        ["人身损害赔偿"] = ["{0}宠物伤人赔偿纠纷", "{0}高空坠物致伤赔偿"],
        ["市政设施"] = ["{0}路面破损坑洼", "{0}下水道堵塞", "{0}路灯损坏", "{0}健身器材损坏", "{0}雨水管破损"],
        ["其他"] = ["{0}独居老人上门服务求助", "{0}困难家庭申请临时救助", "{0}老旧楼道加装扶手", "{0}残疾人出行求助"],
    };

    private static readonly string[] Handlers = ["nanqu", "beiqu", "dongqu", "xiqu", "xincun", "tongcheng"];

    private static readonly DateTime HistoryStartUtc = ChinaTime.ToUtc(DemoActivities.HistoryFrom.ToDateTime(new TimeOnly(8, 30)));
    private static readonly DateTime HistoryEndUtc = ChinaTime.ToUtc(DemoActivities.HistoryTo.ToDateTime(new TimeOnly(17, 30)));

    private sealed record Place(Community Community, Compound Compound, Building? Building, string Handler, int CommunityIndex);

    public async Task SeedAsync(IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, string> handlerIds, CancellationToken cancellationToken)
    {
        if (await db.CaseNumberSequences.AnyAsync(s => s.Year == 2019, cancellationToken)) return;
        var categories = await db.CaseCategories.ToDictionaryAsync(c => c.Name, cancellationToken);
        var ordered = DemoCatalog.Communities.Select(c => communities[c.Name]).ToList();
        var places = ordered.SelectMany((c, i) => c.Compounds.OrderBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new Place(c, k, k.Buildings.OrderBy(b => b.Id).FirstOrDefault(), handlerIds[Handlers[i]], i))).ToList();
        var random = new Random(20190929);
        var cases = new List<Case>();

        // ---- 2019-09-29 … 2020-06-30: the source report's figures (the story case is the 45th dispute) ----
        var historyKinds = Enumerable.Repeat(CaseKind.Dispute, HistoricDisputesResolved - 1).Concat(Enumerable.Repeat(CaseKind.Request, HistoricRequestsSolved)).ToList();
        Shuffle(historyKinds, random);
        var span = (HistoryEndUtc - HistoryStartUtc).TotalHours - 24 * 12;
        for (var i = 0; i < historyKinds.Count; i++)
        {
            var registered = HistoryStartUtc.AddHours(span * i / historyKinds.Count + random.Next(0, 20));
            var kase = Resolved(historyKinds[i], places[random.Next(places.Count)], categories, registered, HistoryEndUtc, random, i, escalate: historyKinds[i] == CaseKind.Dispute && i % 13 == 5);
            cases.Add(kase);
        }

        // ---- the current year, up to yesterday ----
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var yearStart = ChinaTime.ToUtc(new DateTime(today.Year, 1, 1, 8, 30, 0));
        var days = Math.Max(0, today.DayOfYear - 2);
        var count = days * 3 / 5;
        for (var i = 0; i < count; i++)
        {
            var registered = yearStart.AddDays((double)days * i / Math.Max(1, count)).AddHours(random.Next(0, 9));
            var kind = random.Next(3) == 0 ? CaseKind.Dispute : CaseKind.Request;
            var place = places[random.Next(places.Count)];
            var age = (now - registered).TotalDays;
            var roll = random.NextDouble();
            if (age > 20 && roll < 0.82 || age > 5 && roll < 0.45)
                cases.Add(Resolved(kind, place, categories, registered, now.AddHours(-2), random, 1000 + i, escalate: kind == CaseKind.Dispute && roll < 0.06));
            else if (roll < 0.88)
                cases.Add(Open(kind, place, categories, registered, now, random, 1000 + i));
            else
            {
                var kase = Register(kind, place, categories, registered, random, 1000 + i);
                kase.CloseEarly(CaseCloseKind.Withdrawn, "居民已自行协商解决，撤回诉求。", registered.AddHours(20) < now ? registered.AddHours(20) : now, place.Handler);
                cases.Add(kase);
            }
        }

        // ---- last year, so "vs the same period last year" compares with something: about one case every three days ----
        var lastYear = new Random(today.Year - 1);
        var lastYearStart = ChinaTime.ToUtc(new DateTime(today.Year - 1, 1, 1, 8, 30, 0));
        var lastYearEnd = ChinaTime.ToUtc(new DateTime(today.Year, 1, 1, 8, 30, 0));
        for (var i = 0; i < 120; i++)
        {
            var registered = lastYearStart.AddDays(362.0 * i / 120).AddHours(lastYear.Next(0, 9));
            var kind = lastYear.Next(3) == 0 ? CaseKind.Dispute : CaseKind.Request;
            var latest = lastYearEnd.AddDays(20) < now ? lastYearEnd.AddDays(20) : now.AddHours(-2);
            cases.Add(Resolved(kind, places[lastYear.Next(places.Count)], categories, registered, latest, lastYear, 5000 + i,
                escalate: kind == CaseKind.Dispute && i % 11 == 3));
        }

        await CaseNumbers.NumberBatchAsync(db, cases, cancellationToken);
        // History tells nobody: hundreds of old cases would bury the demo's inboxes (issue 17).
        foreach (var kase in cases) kase.ClearDomainEvents();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Case Register(CaseKind kind, Place place, IReadOnlyDictionary<string, CaseCategory> categories, DateTime registered, Random random, int index)
    {
        var categoryName = kind == CaseKind.Dispute ? DisputeCategories[random.Next(DisputeCategories.Length)] : RequestCategories[random.Next(RequestCategories.Length)];
        var titles = Titles[categoryName];
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, titles[random.Next(titles.Length)], place.Compound.Name);
        var reporter = DemoCatalog.PersonName(place.Compound.Name, index);
        var source = (CaseSource)random.Next(1, 5);
        // A request from a service day comes from one held on or before its day (the first of each community's is
        // a few days into the history: one registered before it came in some other way).
        if (source == CaseSource.ServiceDay && DemoActivities.ChinaDate(registered) < DemoActivities.FirstHistoricDay(place.CommunityIndex)) source = CaseSource.WalkIn;
        return Case.Register(new CaseDetails(kind, source, reporter, DemoCatalog.Phone(place.Compound.Name, index + 300), place.Community.Id, place.Compound.Id,
            place.Building?.Id, place.Building?.GridId, title, $"{reporter}反映：{title}。", registered.AddHours(-random.Next(2, 48)), CaseUrgency.Normal),
            categories[categoryName], registered, null);
    }

    /// <summary>Registered, accepted, mediated and resolved before <paramref name="latest"/>; most followed up and closed.</summary>
    private static Case Resolved(CaseKind kind, Place place, IReadOnlyDictionary<string, CaseCategory> categories, DateTime registered, DateTime latest,
        Random random, int index, bool escalate)
    {
        var kase = Register(kind, place, categories, registered, random, index);
        var at = registered;
        DateTime Next(double maxHours)
        {
            var next = at.AddHours(1 + random.NextDouble() * maxHours);
            at = next < latest ? next : at.AddMinutes(1);
            return at;
        }
        kase.Accept(place.Handler, Next(6), place.Handler);
        kase.StartMediation(Next(24), place.Handler);
        if (escalate)
        {
            kase.Escalate("涉及多个单位，社区协调困难，报街道协调。", Next(24), place.Handler);
            kase.HandBack(place.Handler, "街道召集相关单位明确责任后交回社区办理。", Next(48), null);
        }
        kase.Resolve(false, kind == CaseKind.Dispute ? "经社区调解，双方达成一致。" : "已协调相关单位解决。", Next(kind == CaseKind.Dispute ? 150 : 90), place.Handler);
        if (random.NextDouble() < 0.85 && at.AddHours(30) < latest)
        {
            var followAt = Next(72);
            kase.RecordFollowUp(ChinaDate(followAt), random.Next(2) == 0 ? FollowUpMethod.Phone : FollowUpMethod.Visit,
                random.NextDouble() < 0.8 ? Satisfaction.Satisfied : Satisfaction.BasicallySatisfied, null, null, followAt, place.Handler);
            kase.Close(Next(24), place.Handler);
        }
        return kase;
    }

    /// <summary>Still open: registered, accepted or in mediation (older ones are overdue).</summary>
    private static Case Open(CaseKind kind, Place place, IReadOnlyDictionary<string, CaseCategory> categories, DateTime registered, DateTime now, Random random, int index)
    {
        var kase = Register(kind, place, categories, registered, random, index);
        var step = random.Next(3);
        if (step >= 1 && registered.AddHours(3) < now) kase.Accept(place.Handler, registered.AddHours(2), place.Handler);
        if (step >= 2 && registered.AddHours(30) < now) kase.StartMediation(registered.AddHours(26), place.Handler);
        return kase;
    }

    private static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's cases. The story case of 南区社区 (from the source report: the unlit sewage-pipe trench at
/// 建安小区, walked to Closed in May–June 2020) plus a handful of open cases across the communities, dated
/// relative to today so some are overdue. Every case is looked up by its title first: a second run adds nothing.
/// The reporter names other than 刘贤英 and every phone number are sample data.
/// </summary>
public sealed class DemoCases(AppDbContext db, TimeProvider clock)
{
    public const string StoryCaseTitle = "建安小区路灯损坏、管道沟未回填致居民夜间摔伤";
    public const string StoryReporter = "刘贤英";
    public const string StoryReporterPhone = "13979351268";
    public const string OutsideCompany = "大茅山建设公司";
    public const string StoryFollowUpNote = "对于街道的调解我很满意，整改措施也很好。";
    public const string OpenEngineeringCaseTitle = "南山小区 3 栋外墙渗水";

    private sealed record Place(int CommunityId, int CompoundId, int BuildingId, int GridId, string CommitteeName);

    public async Task SeedAsync(IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, MemberUnit> units,
        IReadOnlyDictionary<string, string> handlerIds, CancellationToken cancellationToken)
    {
        await CaseQueries.EnsureDefaultCategoriesAsync(db, cancellationToken);
        var categories = await db.CaseCategories.ToDictionaryAsync(c => c.Name, cancellationToken);
        var titles = (await db.Cases.Select(c => c.Title).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        Place At(string community, string compound)
        {
            var c = communities[community];
            var k = c.Compounds.Single(x => x.Name == compound);
            var building = k.Buildings.OrderBy(b => b.Id).First();
            return new Place(c.Id, k.Id, building.Id, building.GridId, c.PartyCommitteeName);
        }

        async Task AddAsync(string title, Place place, string category, CaseKind kind, CaseSource source, string reporter, string phone,
            string description, DateTime occurredUtc, DateTime registeredUtc, CaseUrgency urgency, Action<Case> steps)
        {
            if (titles.Contains(title)) return;
            var details = new CaseDetails(kind, source, reporter, phone, place.CommunityId, place.CompoundId, place.BuildingId, place.GridId,
                title, description, occurredUtc, urgency);
            var kase = Case.Register(details, categories[category], registeredUtc, null);
            steps(kase);
            // The story of 2020 is history and tells nobody; the open cases of these weeks leave notifications
            // (unit02 is told of the terms it owes, the overdue one included).
            if (registeredUtc.Year < clock.GetUtcNow().Year - 1) kase.ClearDomainEvents();
            await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
            titles.Add(title);
        }

        var south = At(DemoCatalog.SouthCommunity, "建安小区");
        var southHandler = handlerIds["nanqu"];
        var engineering = units[DemoCatalog.MineEngineering];

        // ---- the story (fixed dates, China time) ----
        await AddAsync(StoryCaseTitle, south, "市政设施", CaseKind.Dispute, CaseSource.WalkIn, StoryReporter, StoryReporterPhone,
            "居民刘贤英夜间经过建安小区时，因路灯损坏、照明不足，跌入未回填的污水管道沟受伤。路灯属德兴铜矿“三供一业”改造项目，尚在保修期内，由铜矿工程部施工；" +
            "管道沟属市政污水管网项目，由大茅山建设公司施工，该公司不是联盟成员单位。",
            China(2020, 5, 18, 21, 30), China(2020, 5, 19, 9, 0), CaseUrgency.Urgent, kase =>
            {
                kase.Accept(southHandler, China(2020, 5, 19, 10, 0), null);
                var resident = kase.AddParty(CasePartyKind.Resident, StoryReporter, StoryReporterPhone, null, CasePartyRole.Complainant, China(2020, 5, 19, 10, 30), null);
                var unit = kase.AddParty(CasePartyKind.MemberUnit, engineering.Name, null, engineering.Id, CasePartyRole.ResponsibleUnit, China(2020, 5, 19, 10, 35), null);
                var company = kase.AddParty(CasePartyKind.OutsideOrganisation, OutsideCompany, null, null, CasePartyRole.Respondent, China(2020, 5, 19, 10, 40), null);
                _ = resident;
                kase.RecordSession(China(2020, 5, 22, 15, 0), "南区社区党群服务中心", south.CommitteeName,
                    "刘贤英；铜矿工程部代表；大茅山建设公司代表；南区社区调解员",
                    "社区党委召集三方现场查看并座谈。铜矿工程部确认路灯在保修期内；大茅山建设公司承认管道沟未按要求设置护栏、未及时回填。",
                    "三方达成调解协议。", China(2020, 5, 22, 17, 0), southHandler);
                kase.AddTerm(unit, AgreementTermKind.Repair, "在保修期内更换建安小区损坏的 4 盏路灯", null, new DateOnly(2020, 5, 29), China(2020, 5, 22, 17, 10), southHandler);
                kase.AddTerm(company, AgreementTermKind.Compensation, "向刘贤英支付医疗等费用补偿", 2000m, new DateOnly(2020, 5, 29), China(2020, 5, 22, 17, 12), southHandler);
                kase.AddTerm(company, AgreementTermKind.SafetyMeasure, "在污水管道沟旁增设安全护栏，并回填管道沟", null, new DateOnly(2020, 6, 5), China(2020, 5, 22, 17, 14), southHandler);
                kase.Resolve(true, "三方签订调解协议：铜矿工程部更换路灯，大茅山建设公司赔偿 2000 元并增设护栏、回填管道沟。", China(2020, 5, 22, 17, 30), southHandler);
                var terms = kase.Terms;
                kase.MarkTermFulfilled(terms[1], new DateOnly(2020, 5, 26), "刘贤英签收 2000 元补偿款收据", China(2020, 5, 26, 16, 0), southHandler);
                kase.MarkTermFulfilled(terms[0], new DateOnly(2020, 5, 27), "社区现场核实 4 盏路灯已更换并正常照明", China(2020, 5, 27, 19, 30), southHandler);
                kase.MarkTermFulfilled(terms[2], new DateOnly(2020, 6, 3), "社区现场核实护栏已安装、管道沟已回填", China(2020, 6, 3, 10, 0), southHandler);
                kase.RecordFollowUp(new DateOnly(2020, 6, 6), FollowUpMethod.Visit, Satisfaction.Satisfied, true, StoryFollowUpNote, China(2020, 6, 6, 10, 0), southHandler);
                kase.Close(China(2020, 6, 8, 9, 0), southHandler);
            });

        // ---- open cases, dated from today ----
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        DateTime Ago(double days) => now.AddDays(-days);
        string Phone(string who) => DemoCatalog.Phone(who, 41);

        await AddAsync(OpenEngineeringCaseTitle, At(DemoCatalog.SouthCommunity, "南山小区"), "物业管理", CaseKind.Request, CaseSource.GridReport, "黄秀兰", Phone("黄秀兰"),
            "网格员报告：南山小区 3 栋外墙雨水管破损，雨天墙体渗水，住户室内发霉。外墙改造由铜矿工程部施工。",
            Ago(7), Ago(6), CaseUrgency.Normal, kase =>
            {
                kase.Accept(southHandler, Ago(5.9), null);
                kase.AddParty(CasePartyKind.Resident, "黄秀兰", Phone("黄秀兰"), null, CasePartyRole.Complainant, Ago(5.8), southHandler);
                var unit = kase.AddParty(CasePartyKind.MemberUnit, engineering.Name, null, engineering.Id, CasePartyRole.ResponsibleUnit, Ago(5.8), southHandler);
                kase.RecordSession(Ago(2), "南山小区 3 栋楼下", south.CommitteeName, "黄秀兰；铜矿工程部代表；网格员", "现场查看雨水管破损位置。", "铜矿工程部同意维修。", Ago(2), southHandler);
                kase.AddTerm(unit, AgreementTermKind.Repair, "更换南山小区 3 栋破损的雨水管并修补外墙", null, today.AddDays(10), Ago(2), southHandler);
            });

        await AddAsync("建安小区供水管网老化、水压不足", At(DemoCatalog.SouthCommunity, "建安小区"), "市政设施", CaseKind.Request, CaseSource.Phone, "周建国", Phone("周建国"),
            "建安小区高层住户反映早晚用水高峰水压不足，供水管网为“三供一业”移交前的老旧管道。",
            Ago(46), Ago(45), CaseUrgency.Normal, kase =>
            {
                kase.Accept(southHandler, Ago(44.5), null);
                var unit = kase.AddParty(CasePartyKind.MemberUnit, engineering.Name, null, engineering.Id, CasePartyRole.ResponsibleUnit, Ago(44), southHandler);
                kase.RecordSession(Ago(30), "南区社区党群服务中心", south.CommitteeName, "住户代表；铜矿工程部代表", null, "铜矿工程部承诺加装增压泵。", Ago(30), southHandler);
                kase.AddTerm(unit, AgreementTermKind.Repair, "为建安小区 5、6 栋加装供水增压泵", null, today.AddDays(-5), Ago(30), southHandler);
            });

        var north = At("北区社区", "北苑小区");
        await AddAsync("北苑小区楼上楼下噪音纠纷", north, "邻里纠纷", CaseKind.Dispute, CaseSource.WalkIn, "陈海燕", Phone("陈海燕"),
            "北苑小区 2 栋住户反映楼上深夜搬动家具、噪音扰民，双方多次争吵。",
            Ago(4), Ago(3), CaseUrgency.Normal, _ => { });

        var northSilver = At("北区社区", "银山小区");
        var mill = units["德兴铜矿大山选矿厂"];
        await AddAsync("银山小区排水沟堵塞、污水外溢", northSilver, "市政设施", CaseKind.Dispute, CaseSource.ServiceDay, "杨志强", Phone("杨志强"),
            "主题党日服务中居民反映：银山小区旁排水沟被选矿厂运输车辆压坏堵塞，雨后污水外溢，涉及多个单位，社区协调困难。",
            Ago(12), Ago(11), CaseUrgency.Urgent, kase =>
            {
                kase.Accept(handlerIds["beiqu"], Ago(10.8), null);
                kase.AddParty(CasePartyKind.Resident, "杨志强", Phone("杨志强"), null, CasePartyRole.Complainant, Ago(10.5), null);
                var unit = kase.AddParty(CasePartyKind.MemberUnit, mill.Name, null, mill.Id, CasePartyRole.Respondent, Ago(10.5), null);
                kase.RecordSession(Ago(8), "北区社区党群服务中心", communities["北区社区"].PartyCommitteeName, "杨志强；大山选矿厂代表", null, "选矿厂同意清淤，修复责任有争议。", Ago(8), null);
                kase.AddTerm(unit, AgreementTermKind.Repair, "清理银山小区旁排水沟淤堵", null, today.AddDays(7), Ago(8), null);
                kase.Escalate("排水沟修复涉及市政和企业多方责任，需街道协调。", Ago(6), null);
            });

        var east = At("东区社区", "东风小区");
        await AddAsync("东风小区老人赡养纠纷", east, "家庭纠纷", CaseKind.Dispute, CaseSource.WalkIn, "罗秀英", Phone("罗秀英"),
            "东风小区 80 岁老人反映两个儿子互相推诿，不承担赡养费用。",
            Ago(41), Ago(40), CaseUrgency.Normal, kase =>
            {
                kase.Accept(handlerIds["dongqu"], Ago(39.5), null);
                kase.AddParty(CasePartyKind.Resident, "罗秀英", Phone("罗秀英"), null, CasePartyRole.Complainant, Ago(39), null);
                var son = kase.AddParty(CasePartyKind.Resident, "罗建平", null, null, CasePartyRole.Respondent, Ago(39), null);
                kase.RecordSession(Ago(20), "东区社区调解室", communities["东区社区"].PartyCommitteeName, "罗秀英；罗建平；社区调解员", null, "初步达成赡养安排。", Ago(20), null);
                kase.AddTerm(son, AgreementTermKind.Compensation, "每月支付赡养费", 600m, today.AddDays(-3), Ago(20), null);
            });

        await AddAsync("西华小区装修工人工资拖欠", At("西区社区", "西华小区"), "劳动纠纷", CaseKind.Request, CaseSource.HotlineReferral, "马军", Phone("马军"),
            "12345 热线转办：西华小区装修工人反映包工头拖欠工资三个月。",
            Ago(3), Ago(2), CaseUrgency.Urgent, kase => kase.Accept(handlerIds["xiqu"], Ago(1.9), null));

        await AddAsync("新村小区独居老人生活困难求助", At("新村社区", "新村小区"), "其他", CaseKind.Request, CaseSource.GridReport, "孙秀兰", Phone("孙秀兰"),
            "网格员走访发现新村小区一名独居老人行动不便，无人照料，申请上门服务。",
            Ago(0.5), Ago(0.4), CaseUrgency.Normal, _ => { });

        await AddAsync("铜城花园地面停车位争议", At("铜城社区", "铜城花园"), "物业管理", CaseKind.Dispute, CaseSource.WalkIn, "高明", Phone("高明"),
            "铜城花园业主与物业就地面停车位分配发生争议。",
            Ago(16), Ago(15), CaseUrgency.Normal, kase =>
            {
                kase.Accept(handlerIds["tongcheng"], Ago(14.8), null);
                kase.RecordSession(Ago(9), "铜城社区会议室", communities["铜城社区"].PartyCommitteeName, "业主代表；物业服务中心代表", null, "物业公示车位分配方案，业主认可。", Ago(9), null);
                kase.Resolve(false, "物业公示车位分配方案，业主认可，无需签订协议。", Ago(8), null);
            });
    }

    private static DateTime China(int year, int month, int day, int hour, int minute) =>
        ChinaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}

using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's pairing lists (三张清单), joint meetings (联席会商) and their action items (督办), for 2020 and the
/// current year: some done, some open, one overdue project, one overdue action item, one sent back. 2020 is dated
/// in fixed days; the current year relative to the seeding clock. Records are added one at a time in a fixed order,
/// so their ids in a fresh database are stable (the authorization matrix relies on it; see JointDemo in the tests).
/// Seeded once: if any joint meeting exists, nothing is added.
/// </summary>
public sealed class DemoJoint(AppDbContext db, TimeProvider clock)
{
    public const string StoryNeed = "路灯维修";
    public const string StoryResource = "电工班组";
    public const string OpenProject = "南山小区路灯维修";
    public const string OverdueProject = "养老驿站每月义诊";
    public const string OverdueItem = "摸排辖区独居老人并建立台账";
    public const string SentBackItem = "维修南山小区损坏路灯";
    public const string SentBackComment = "请附现场照片，经社区核实后再报完成。";
    public const string CommunityMeetingItem = "完成建安小区 5、6 栋楼道照明改造";
    public const string CommunityMeetingPlace = "南区社区党群服务中心";

    public async Task SeedAsync(IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, MemberUnit> units, CancellationToken cancellationToken)
    {
        if (await db.JointMeetings.AnyAsync(cancellationToken) || await db.JointProjects.AnyAsync(cancellationToken)) return;

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = today.Year;
        var userIds = await db.Users.Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var pairings = await db.Pairings.Where(p => p.EndDate == null).ToListAsync(cancellationToken);
        Pairing PairingOf(string unit, string community) => pairings.Single(p => p.MemberUnitId == units[unit].Id && p.CommunityId == communities[community].Id);
        DateTime Ago(double days) => now.AddDays(-days);
        // Early in January, "n days ago" falls in last year: a current-year project is due no earlier than 1 January.
        DateOnly InYear(DateOnly date) => date.Year < year ? new DateOnly(year, 1, 1) : date;

        var south = DemoCatalog.SouthCommunity;
        var engineering = DemoCatalog.MineEngineering;
        var southEngineering = PairingOf(engineering, south);
        var southHospital = PairingOf("德兴铜矿职工医院", south);
        var northSchool = PairingOf("铜矿中学", "北区社区");
        var xincunPrimary = PairingOf("铜矿小学", "新村社区");

        async Task<JointProject> ProjectAsync(Pairing pairing, int y, string? need, string? resource, string title, ActivityStream stream, PairingSide owner, string target, DateOnly due)
        {
            PairingNeed? n = need is null ? null : new PairingNeed { PairingId = pairing.Id, Year = y, Title = need };
            PairingResource? r = resource is null ? null : new PairingResource { PairingId = pairing.Id, Year = y, Title = resource };
            if (n is not null) db.PairingNeeds.Add(n);
            if (r is not null) db.PairingResources.Add(r);
            await db.SaveChangesAsync(cancellationToken);
            var project = JointProject.Create(pairing, y, title, stream, owner, target, due, n, r, needAlreadyUsed: false);
            db.JointProjects.Add(project);
            await db.SaveChangesAsync(cancellationToken);
            return project;
        }

        // ---- 2020 ----
        var p1 = await ProjectAsync(southEngineering, 2020, StoryNeed, StoryResource, "建安小区路灯维修", ActivityStream.HappyCompound, PairingSide.Unit,
            "更换建安小区损坏路灯 4 盏，保修期内定期巡查", new DateOnly(2020, 6, 30));
        p1.RecordProgress(50, "已更换 2 盏路灯", China(2020, 5, 25, 17, 0), userIds["unit02"]);
        p1.RecordProgress(100, "4 盏路灯全部更换，社区现场核实照明正常", China(2020, 5, 27, 19, 0), userIds["unit02"]);
        var p4 = await ProjectAsync(northSchool, 2020, "居民夜校师资", "教师志愿者", "居民夜校开班", ActivityStream.EveningSchool, PairingSide.Unit,
            "每周开课一次，全年不少于 30 课时", new DateOnly(2020, 12, 31));
        p4.RecordProgress(100, "全年开课 32 次，结业居民 46 人", China(2020, 12, 28, 16, 0), userIds["unit09"]);
        await db.SaveChangesAsync(cancellationToken);

        // ---- the current year ----
        var p2 = await ProjectAsync(southEngineering, year, StoryNeed, StoryResource, OpenProject, ActivityStream.HappyCompound, PairingSide.Unit,
            "排查并维修南山小区路灯，做到夜间照明全覆盖", today.AddDays(20));
        p2.RecordProgress(40, "已排查全部路灯，更换灯具 6 套", Ago(6), userIds["unit02"]);
        var p3 = await ProjectAsync(southHospital, year, "老年人健康体检", "义诊医护队", OverdueProject, ActivityStream.ElderCareStation, PairingSide.Unit,
            "每月到南区养老驿站义诊一次，建立老人健康档案", InYear(today.AddDays(-10)));
        p3.RecordProgress(60, "已义诊 6 次，建档 85 人", Ago(25), userIds["unit08"]);
        var p5 = await ProjectAsync(northSchool, year, "智能手机使用培训", "教师志愿者", "居民夜校智能手机课", ActivityStream.EveningSchool, PairingSide.Community,
            "组织老年居民参加智能手机课程不少于 10 期", today.AddDays(40));
        p5.RecordProgress(20, "已招募学员 38 人，开课 2 期", Ago(4), userIds["beiqu"]);
        var p6 = await ProjectAsync(xincunPrimary, year, "暑期儿童看护", "教师志愿者", "成长乐园暑期托管", ActivityStream.GrowingGarden, PairingSide.Unit,
            "暑期开设托管班 4 周", InYear(today.AddDays(-60)));
        p6.RecordProgress(100, "托管班开办 4 周，服务儿童 52 人", Ago(70), userIds["unit10"]);
        // A need not yet matched: the page offers to turn it into a project.
        db.PairingNeeds.Add(new PairingNeed { PairingId = southEngineering.Id, Year = year, Title = "楼道照明改造", Description = "建安小区 5、6 栋楼道无照明" });
        db.PairingResources.Add(new PairingResource { PairingId = southEngineering.Id, Year = year, Title = "水电维修队", Description = "周末可派 4 人" });
        await db.SaveChangesAsync(cancellationToken);

        // ---- joint meetings ----
        int U(string name) => units[name].Id;
        int C(string name) => communities[name].Id;
        var subDistrictId = communities[south].SubDistrictId;
        var committee = await db.SubDistricts.Where(s => s.Id == subDistrictId).Select(s => s.WorkingCommitteeName ?? s.Name).SingleAsync(cancellationToken);

        JointMeeting Meeting(DateOnly date, string place, string convenedBy, int? convenerCommunity, string topics, string minutes, int[] unitIds, int[] communityIds)
        {
            var m = new JointMeeting { SubDistrictId = subDistrictId, MeetingDate = date, Place = place, ConvenedBy = convenedBy, ConvenerCommunityId = convenerCommunity, Topics = topics, Minutes = minutes };
            m.Attendees.AddRange(unitIds.Select(u => new JointMeetingAttendee { MemberUnitId = u }));
            m.Attendees.AddRange(communityIds.Select(c => new JointMeetingAttendee { CommunityId = c }));
            db.JointMeetings.Add(m);
            return m;
        }

        var m1 = Meeting(new DateOnly(2020, 6, 10), "铜矿街道党群服务中心", committee, null,
            "建安小区路灯与管道沟安全隐患整改；小区公共设施安全排查",
            "通报建安小区居民夜间摔伤事件的调解和整改情况。会议要求各结对单位对所联系小区的公共设施开展一次安全排查。",
            [U(DemoCatalog.MinePartyCommittee), U(engineering), U("德兴铜矿职工医院")], [C(south)]);
        var d1 = new JointDecision { Text = "开展小区公共设施安全排查" };
        var a1 = m1.AddActionItem(d1, U(engineering), null, "排查南区各小区路灯及公共照明设施", new DateOnly(2020, 6, 30), ActivityStream.HappyCompound);
        var a2 = m1.AddActionItem(d1, null, C(south), "建立小区公共设施报修台账", new DateOnly(2020, 7, 15), ActivityStream.HappyCompound);
        m1.ClearDomainEvents(); // 2020 is history: nobody is told of it now
        await db.SaveChangesAsync(cancellationToken);
        a1.RecordProgress(100, "排查路灯 126 盏，更换 11 盏", China(2020, 6, 24, 17, 0), userIds["unit02"]);
        a2.RecordProgress(100, "报修台账已建立，张贴报修电话", China(2020, 7, 10, 10, 0), userIds["nanqu"]);
        a1.ClearDomainEvents();
        a2.ClearDomainEvents();
        await db.SaveChangesAsync(cancellationToken);

        var m2 = Meeting(today.AddDays(-30), "铜矿街道党群服务中心", committee, null,
            "“1+6”工作推进：养老驿站、小区照明、居民夜校",
            "各结对单位汇报上半年共建项目进展。会议明确了养老驿站、小区照明和居民夜校三项重点工作及责任方。",
            [U(DemoCatalog.MinePartyCommittee), U(engineering), U("德兴铜矿职工医院"), U("铜矿中学"), U("德兴铜矿大山选矿厂")], [C(south), C("北区社区")]);
        var d2 = new JointDecision { Text = "推进养老驿站建设" };
        var a3 = m2.AddActionItem(d2, U("德兴铜矿职工医院"), null, "每月到南区养老驿站义诊一次", today.AddDays(30), ActivityStream.ElderCareStation, Ago(30), userIds["jiedao"]);
        var a4 = m2.AddActionItem(d2, null, C(south), OverdueItem, today.AddDays(-5), ActivityStream.ElderCareStation, Ago(30), userIds["jiedao"]);
        var d3 = new JointDecision { Text = "整治小区照明" };
        var a5 = m2.AddActionItem(d3, U(engineering), null, SentBackItem, today.AddDays(10), ActivityStream.HappyCompound, Ago(30), userIds["jiedao"]);
        var d4 = new JointDecision { Text = "办好居民夜校" };
        var a6 = m2.AddActionItem(d4, U("铜矿中学"), null, "北区居民夜校开设智能手机课程", today.AddDays(20), ActivityStream.EveningSchool, Ago(30), userIds["jiedao"]);
        await db.SaveChangesAsync(cancellationToken);
        a3.RecordProgress(50, "已义诊 1 次，服务老人 32 人", Ago(12), userIds["unit08"]);
        a4.RecordProgress(60, "已摸排 2 个小区", Ago(15), userIds["nanqu"]);
        a5.RecordProgress(80, "已维修 8 盏路灯", Ago(5), userIds["unit02"]);
        a5.SendBack(SentBackComment, Ago(3), userIds["jiedao"]);
        a6.RecordProgress(20, "课程方案已拟定", Ago(10), userIds["unit09"]);
        await db.SaveChangesAsync(cancellationToken);

        var m3 = Meeting(today.AddDays(-7), CommunityMeetingPlace, communities[south].PartyCommitteeName, C(south),
            "建安小区楼道照明改造",
            "社区党委召集结对单位，商定楼道照明改造由铜矿工程部负责。",
            [U(DemoCatalog.MinePartyCommittee), U(engineering)], [C(south)]);
        m3.AddActionItem(new JointDecision { Text = "建安小区楼道照明改造" }, U(engineering), null, CommunityMeetingItem, today.AddDays(25), ActivityStream.HappyCompound, Ago(7), userIds["nanqu"]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime China(int year, int month, int day, int hour, int minute) =>
        ChinaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}

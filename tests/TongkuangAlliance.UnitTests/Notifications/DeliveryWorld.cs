using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.UnitTests.Cases;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>
/// A small sub-district on a real SQLite database with the real interceptors, for the delivery tests: 南区 with a
/// WeChat Work robot, 北区 without, 铜矿工程部 with a DingTalk robot; accounts with and without confirmed email.
/// </summary>
public sealed class DeliveryWorld : IDisposable
{
    public static readonly DateTime Now = CaseTestData.Utc(2026, 11, 2, 1, 0); // 09:00 China time

    public const string SouthRobot = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    public const string MineRobot = "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789";

    public TestClock Clock { get; } = new(Now);
    public TestUser User { get; } = new();
    public TestDatabase Database { get; }
    public Dictionary<string, string> Accounts { get; } = [];
    public int SubDistrict { get; }
    public int South { get; }
    public int North { get; }
    public int Compound { get; }
    public int Grid1 { get; }
    public int Building1 { get; }
    public int Mine { get; }

    public DeliveryWorld()
    {
        Database = new TestDatabase(new AuditSaveChangesInterceptor(Clock, User), new NotificationWriter(Clock, User));
        using var db = Database.CreateContext();
        var tongkuang = new SubDistrict { Name = "铜矿街道", City = "德兴市" };
        db.SubDistricts.Add(tongkuang);
        db.SaveChanges();
        var south = new Community { SubDistrictId = tongkuang.Id, Name = "南区社区", PartyCommitteeName = "南区社区党委", RobotWebhookUrl = SouthRobot };
        var north = new Community { SubDistrictId = tongkuang.Id, Name = "北区社区", PartyCommitteeName = "北区社区党委" };
        var mine = new MemberUnit { SubDistrictId = tongkuang.Id, Name = "铜矿工程部", PartyOrganisationName = "工程部党支部", RobotWebhookUrl = MineRobot };
        db.AddRange(south, north, mine);
        db.SaveChanges();
        var compound = new Compound { CommunityId = south.Id, Name = "建安小区" };
        var grid1 = new Grid { CommunityId = south.Id, Name = "第1网格" };
        db.AddRange(compound, grid1);
        db.SaveChanges();
        var building = new Building { CompoundId = compound.Id, GridId = grid1.Id, Name = "1栋" };
        db.Buildings.Add(building);
        db.CaseCategories.AddRange(CaseCategory.Defaults());
        db.SaveChanges();
        (SubDistrict, South, North, Compound, Grid1, Building1, Mine) = (tongkuang.Id, south.Id, north.Id, compound.Id, grid1.Id, building.Id, mine.Id);

        void Account(string name, PortalRole role, string? email, bool confirmed = true, int? community = null, int? unit = null, Grid? grid = null, string? culture = null)
        {
            var user = new AppUser { UserName = name, DisplayName = name, Email = email, EmailConfirmed = confirmed, PreferredCulture = culture };
            user.AssignScope(role, tongkuang.Id, community, unit, grid is null ? null : [grid]);
            db.Users.Add(user);
            db.SaveChanges();
            Accounts[name] = user.Id;
        }
        Account("jiedao", PortalRole.SubDistrictCommittee, "jiedao@tongkuang.example");
        Account("nanqu", PortalRole.CommunityCommittee, "nanqu@tongkuang.example", community: south.Id);
        Account("nanqu-b", PortalRole.CommunityCommittee, null, community: south.Id);
        Account("nanqu-en", PortalRole.CommunityCommittee, "en@tongkuang.example", community: south.Id, culture: "en");
        Account("wangge1", PortalRole.GridWorker, "wangge1@tongkuang.example", confirmed: false, community: south.Id, grid: grid1);
        Account("beiqu", PortalRole.CommunityCommittee, "beiqu@tongkuang.example", community: north.Id);
        Account("unit02", PortalRole.PairedUnit, "unit02@tongkuang.example", unit: mine.Id);
    }

    public string Id(string account) => Accounts[account];

    public void Dispose() => Database.Dispose();

    /// <summary>Registers a case in 南区 第1网格 as <paramref name="actor"/> (a resident's request when null).</summary>
    public async Task<int> RegisterAsync(string? actor = null, string title = "路灯损坏致居民摔伤")
    {
        User.UserId = actor is null ? null : Id(actor);
        await using var db = Database.CreateContext();
        var details = new CaseDetails(CaseKind.Dispute, CaseSource.WalkIn, "刘贤英", CaseTestData.ResidentPhone, South, Compound,
            Building1, Grid1, title, "建安小区路灯损坏。", Now.AddHours(-12), CaseUrgency.Normal);
        var kase = await db.RegisterCaseAsync(details, db.CaseCategories.First(c => c.Name == "市政设施"), Clock.UtcNow, User.UserId);
        return kase.Id;
    }

    public void Step(int caseId, string? actor, Action<Case> step)
    {
        User.UserId = actor is null ? null : Id(actor);
        using var db = Database.CreateContext();
        var kase = db.Cases.IncludeForRules().Single(c => c.Id == caseId);
        step(kase);
        db.SaveChanges();
    }

    /// <summary>The deliveries, as (account name or organisation, channel, address).</summary>
    public List<(string Who, DeliveryChannel Channel, string Address)> Deliveries()
    {
        using var db = Database.CreateContext();
        var names = Accounts.ToDictionary(a => a.Value, a => a.Key);
        return db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.Id).AsEnumerable()
            .Select(d => (d.Channel == DeliveryChannel.Robot ? (d.CommunityId is not null ? "community:" + d.CommunityId : "unit:" + d.MemberUnitId) : names[d.UserId!], d.Channel, d.Address))
            .ToList();
    }
}

using System.Reflection;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>A settable clock for the audit interceptor.</summary>
public sealed class TestClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));
}

public sealed class TestUser : ICurrentUser
{
    public string? UserId { get; set; }
    public int? SubDistrictId { get; set; }
}

/// <summary>How far a test case has gone through its lifecycle.</summary>
public enum Stage
{
    Registered,
    Accepted,
    InMediation,
    Resolved,
    FollowedUp,
    Closed,
    ClosedEarly,
}

/// <summary>
/// The story's times (China time in comments) and a real SQLite database (the real migrations, the audit
/// interceptor) holding a small Tongkuang: 南区社区 with 建安小区, 北区社区, 铜矿工程部 and 铜矿中学, two accounts,
/// and the default categories. Cases are created per test, so one database serves a whole test class.
/// </summary>
public sealed class CaseTestData : IDisposable
{
    public static readonly DateTime FellAt = Utc(2026, 11, 1, 13, 30);       // 1 Nov 21:30, at night
    public static readonly DateTime RegisteredAt = Utc(2026, 11, 2, 1, 0);   // 2 Nov 09:00
    public static readonly DateTime AcceptedAt = Utc(2026, 11, 2, 2, 0);     // 2 Nov 10:00
    public static readonly DateTime SessionAt = Utc(2026, 11, 5, 7, 0);      // 5 Nov 15:00
    public static readonly DateTime ResolvedAt = Utc(2026, 11, 5, 9, 0);     // 5 Nov 17:00
    public static readonly DateTime FulfilledAt = Utc(2026, 11, 12, 2, 0);   // 12 Nov 10:00
    public static readonly DateTime FollowedUpAt = Utc(2026, 11, 15, 2, 0);  // 15 Nov 10:00
    public static readonly DateTime ClosedAt = Utc(2026, 11, 16, 2, 0);      // 16 Nov 10:00
    public static readonly DateTime Later = Utc(2026, 11, 20, 2, 0);         // 20 Nov 10:00

    public const string ResidentPhone = "13907935678";

    public static DateTime Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    public TestClock Clock { get; } = new(RegisteredAt);
    public TestUser User { get; } = new();
    public TestDatabase Database { get; }

    public int SubDistrictId { get; }
    public int SouthId { get; }
    public int NorthId { get; }
    public int JiananId { get; }
    public int MineEngineeringId { get; }
    public int SchoolId { get; }
    public string HandlerId { get; }
    public string OtherHandlerId { get; }
    public int MunicipalCategoryId { get; }

    public CaseTestData()
    {
        Database = new TestDatabase(new AuditSaveChangesInterceptor(Clock, User));
        using var db = Database.CreateContext();
        var tongkuang = new SubDistrict { Name = "铜矿街道", City = "德兴市" };
        db.SubDistricts.Add(tongkuang);
        db.SaveChanges();
        var south = new Community { SubDistrictId = tongkuang.Id, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
        var north = new Community { SubDistrictId = tongkuang.Id, Name = "北区社区", PartyCommitteeName = "北区社区党委" };
        var mine = new MemberUnit { SubDistrictId = tongkuang.Id, Name = "铜矿工程部", PartyOrganisationName = "德兴铜矿工程部党支部" };
        var school = new MemberUnit { SubDistrictId = tongkuang.Id, Name = "铜矿中学", PartyOrganisationName = "铜矿中学党支部", Kind = MemberUnitKind.School };
        db.AddRange(south, north, mine, school);
        db.SaveChanges();
        var jianan = new Compound { CommunityId = south.Id, Name = "建安小区" };
        db.Compounds.Add(jianan);
        var handler = new AppUser { UserName = "nanqu", DisplayName = "南区社区" };
        handler.AssignScope(PortalRole.CommunityCommittee, tongkuang.Id, south.Id, null);
        var other = new AppUser { UserName = "jiedao", DisplayName = "铜矿街道" };
        other.AssignScope(PortalRole.SubDistrictCommittee, tongkuang.Id, null, null);
        db.Users.AddRange(handler, other);
        db.CaseCategories.AddRange(CaseCategory.Defaults());
        db.SaveChanges();

        (SubDistrictId, SouthId, NorthId, JiananId, MineEngineeringId, SchoolId) = (tongkuang.Id, south.Id, north.Id, jianan.Id, mine.Id, school.Id);
        (HandlerId, OtherHandlerId) = (handler.Id, other.Id);
        MunicipalCategoryId = db.CaseCategories.Single(c => c.Name == "市政设施").Id;
    }

    public AppDbContext CreateContext() => Database.CreateContext();

    public CaseDetails StoryDetails(int? communityId = null, DateTime? occurredAt = null) => new(
        CaseKind.Dispute, CaseSource.WalkIn, "刘贤英", ResidentPhone, communityId ?? SouthId, JiananId, null, null,
        "夜间路灯损坏致居民跌入排污管沟受伤",
        "11月1日晚，南区社区居民刘贤英途经建安小区旁，因4盏路灯损坏、排污管道施工沟槽未设防护，不慎跌入沟中受伤。",
        occurredAt ?? FellAt, CaseUrgency.Urgent);

    public CaseCategory Municipal(AppDbContext db) => db.CaseCategories.Single(c => c.Id == MunicipalCategoryId);

    public static Case Load(AppDbContext db, int id) => db.Cases.IncludeForRules().Single(c => c.Id == id);

    /// <summary>Registers the story's case at <paramref name="at"/> and saves it with its number.</summary>
    public async Task<int> RegisterAsync(DateTime? at = null, int? communityId = null, CaseCategory? category = null)
    {
        await using var db = CreateContext();
        var when = at ?? RegisteredAt;
        Clock.UtcNow = when;
        var kase = Case.Register(StoryDetails(communityId, occurredAt: when < FellAt ? when.AddHours(-1) : null), category ?? Municipal(db), when, HandlerId);
        await CaseNumbers.SaveNewCaseAsync(db, kase);
        return kase.Id;
    }

    /// <summary>Applies one step to a stored case in a fresh context, as a web request would, and saves it.</summary>
    public void Step(int id, DateTime at, Action<Case> step)
    {
        using var db = CreateContext();
        Clock.UtcNow = at;
        var kase = Load(db, id);
        step(kase);
        db.SaveChanges();
    }

    /// <summary>
    /// A stored case at a stage: the resident and 铜矿工程部 are parties from registration on; in mediation a
    /// pending repair term is owed by the unit; resolved with agreement (term still pending); followed up after
    /// the term was fulfilled; closed. Early closing withdraws a registered case.
    /// </summary>
    public async Task<int> ArrangeAsync(Stage stage)
    {
        var id = await RegisterAsync();
        Step(id, RegisteredAt, c =>
        {
            c.AddParty(CasePartyKind.Resident, "刘贤英", ResidentPhone, null, CasePartyRole.Complainant, RegisteredAt, HandlerId);
            c.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, MineEngineeringId, CasePartyRole.ResponsibleUnit, RegisteredAt, HandlerId);
        });
        if (stage == Stage.Registered) return id;
        if (stage == Stage.ClosedEarly)
        {
            Step(id, AcceptedAt, c => c.CloseEarly(CaseCloseKind.Withdrawn, "居民撤回", AcceptedAt, HandlerId));
            return id;
        }

        Step(id, AcceptedAt, c => c.Accept(HandlerId, AcceptedAt, HandlerId));
        if (stage == Stage.Accepted) return id;
        Step(id, SessionAt, c =>
        {
            c.RecordSession(SessionAt, "南区社区党群服务中心", "南区社区党委", "刘贤英、铜矿工程部代表、社区调解员", null, "达成协议", SessionAt, HandlerId);
            c.AddTerm(c.Parties.Single(p => p.Kind == CasePartyKind.MemberUnit), AgreementTermKind.Repair, "更换4盏损坏路灯", null, new DateOnly(2026, 11, 12), SessionAt, HandlerId);
        });
        if (stage == Stage.InMediation) return id;
        Step(id, ResolvedAt, c => c.Resolve(true, "达成调解协议", ResolvedAt, HandlerId));
        if (stage == Stage.Resolved) return id;
        Step(id, FulfilledAt, c => c.MarkTermFulfilled(c.Terms[0].Id, new DateOnly(2026, 11, 12), "社区现场查看，4盏路灯已更换", FulfilledAt, HandlerId));
        Step(id, FollowedUpAt, c => c.RecordFollowUp(new DateOnly(2026, 11, 15), FollowUpMethod.Phone, Satisfaction.Satisfied, true, "居民满意", FollowedUpAt, HandlerId));
        if (stage == Stage.FollowedUp) return id;
        Step(id, ClosedAt, c => c.Close(ClosedAt, HandlerId));
        return id;
    }

    /// <summary>Every stored scalar of a case, and the children's states: to show that a refused step changed nothing.</summary>
    public static string Snapshot(Case kase)
    {
        var scalars = typeof(Case).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.GetValue(kase)}");
        var children = kase.Terms.Select(t => $"term:{t.Status}:{t.FulfilledOn}:{t.ProofNote}")
            .Append($"parties:{kase.Parties.Count} sessions:{kase.Sessions.Count} terms:{kase.Terms.Count} followups:{kase.FollowUps.Count} events:{kase.Events.Count}");
        return string.Join("\n", scalars.Concat(children));
    }

    public void Dispose() => Database.Dispose();
}

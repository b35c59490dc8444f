using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.UnitTests.Cases;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>
/// NotificationRules on a real SQLite database with the real interceptors: each rule's recipients, the person who
/// made the change left out, accounts that may not open the record left out, and no notification without the change.
/// </summary>
public sealed class NotificationRulesTests : IDisposable
{
    private static readonly DateTime Now = CaseTestData.Utc(2026, 11, 2, 1, 0);

    private readonly TestClock _clock = new(Now);
    private readonly TestUser _user = new();
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string> _accounts = [];
    private readonly int _subDistrict, _south, _north, _compound, _grid1, _grid2, _building1, _mine, _school;

    public NotificationRulesTests()
    {
        _database = new TestDatabase(new AuditSaveChangesInterceptor(_clock, _user), new NotificationWriter(_clock, _user));
        using var db = _database.CreateContext();
        var tongkuang = new SubDistrict { Name = "铜矿街道", City = "德兴市" };
        db.SubDistricts.Add(tongkuang);
        db.SaveChanges();
        var south = new Community { SubDistrictId = tongkuang.Id, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
        var north = new Community { SubDistrictId = tongkuang.Id, Name = "北区社区", PartyCommitteeName = "北区社区党委" };
        var mine = new MemberUnit { SubDistrictId = tongkuang.Id, Name = "铜矿工程部", PartyOrganisationName = "工程部党支部" };
        var school = new MemberUnit { SubDistrictId = tongkuang.Id, Name = "铜矿中学", PartyOrganisationName = "中学党支部" };
        db.AddRange(south, north, mine, school);
        db.SaveChanges();
        var compound = new Compound { CommunityId = south.Id, Name = "建安小区" };
        var grid1 = new Grid { CommunityId = south.Id, Name = "第1网格" };
        var grid2 = new Grid { CommunityId = south.Id, Name = "第2网格" };
        db.AddRange(compound, grid1, grid2);
        db.SaveChanges();
        var building = new Building { CompoundId = compound.Id, GridId = grid1.Id, Name = "1栋" };
        db.Buildings.Add(building);
        db.CaseCategories.AddRange(CaseCategory.Defaults());
        db.SaveChanges();
        (_subDistrict, _south, _north, _compound, _grid1, _grid2, _building1, _mine, _school) =
            (tongkuang.Id, south.Id, north.Id, compound.Id, grid1.Id, grid2.Id, building.Id, mine.Id, school.Id);

        void Account(string name, PortalRole role, int? community = null, int? unit = null, Grid? grid = null, bool active = true)
        {
            var user = new AppUser { UserName = name, DisplayName = name };
            user.AssignScope(role, tongkuang.Id, community, unit, grid is null ? null : [grid]);
            if (!active) user.Deactivate();
            db.Users.Add(user);
            db.SaveChanges();
            _accounts[name] = user.Id;
        }
        Account("jiedao", PortalRole.SubDistrictCommittee);
        Account("nanqu", PortalRole.CommunityCommittee, south.Id);
        Account("nanqu-b", PortalRole.CommunityCommittee, south.Id);
        Account("nanqu-old", PortalRole.CommunityCommittee, south.Id, active: false);
        Account("beiqu", PortalRole.CommunityCommittee, north.Id);
        Account("unit02", PortalRole.PairedUnit, unit: mine.Id);
        Account("unit09", PortalRole.PairedUnit, unit: school.Id);
        Account("wangge1", PortalRole.GridWorker, south.Id, grid: grid1);
        Account("wangge2", PortalRole.GridWorker, south.Id, grid: grid2);
    }

    public void Dispose() => _database.Dispose();

    private string Id(string account) => _accounts[account];

    /// <summary>Who got a notification of <paramref name="kind"/> (account names, sorted).</summary>
    private List<string> Told(NotificationKind kind)
    {
        using var db = _database.CreateContext();
        var names = _accounts.ToDictionary(a => a.Value, a => a.Key);
        return db.Notifications.Where(n => n.Kind == kind).Select(n => n.UserId).AsEnumerable().Select(u => names[u]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Registers a case in 南区 第1网格 as <paramref name="actor"/>, through the intake's own save.</summary>
    private async Task<int> RegisterAsync(string? actor, int? community = null, int? grid = -1)
    {
        _user.UserId = actor is null ? null : Id(actor);
        await using var db = _database.CreateContext();
        var details = new CaseDetails(CaseKind.Dispute, CaseSource.WalkIn, "刘贤英", CaseTestData.ResidentPhone, community ?? _south, _compound,
            grid == -1 ? _building1 : null, grid == -1 ? _grid1 : grid, "路灯损坏致居民摔伤", "建安小区路灯损坏。", Now.AddHours(-12), CaseUrgency.Normal);
        var kase = await db.RegisterCaseAsync(details, db.CaseCategories.First(c => c.Name == "市政设施"), Now, _user.UserId);
        return kase.Id;
    }

    private void Step(int caseId, string? actor, Action<Case> step)
    {
        _user.UserId = actor is null ? null : Id(actor);
        using var db = _database.CreateContext();
        var kase = db.Cases.IncludeForRules().Single(c => c.Id == caseId);
        step(kase);
        db.SaveChanges();
    }

    [Fact]
    public void Every_kind_has_exactly_one_rule()
    {
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), NotificationRules.All.Select(r => r.Kind).Order());
        Assert.All(NotificationRules.All, r => Assert.True(typeof(DomainEvent).IsAssignableFrom(r.EventType)));
    }

    [Fact]
    public async Task A_new_case_tells_its_community_committee_and_the_grid_worker_of_its_grid_but_not_the_one_who_registered_it()
    {
        var id = await RegisterAsync("nanqu");
        Assert.Equal(["nanqu-b", "wangge1"], Told(NotificationKind.CaseNew));

        await using var db = _database.CreateContext();
        var notification = await db.Notifications.FirstAsync();
        Assert.Equal((id, (int?)null, (int?)null), (notification.CaseId!.Value, notification.AgreementTermId, notification.ActionItemId));
        Assert.Equal(Now, notification.CreatedAtUtc);
        Assert.Null(notification.ReadAtUtc);
        var number = await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
        Assert.Equal([number, "路灯损坏致居民摔伤"], NotificationParameters.Read(notification.Parameters));
    }

    [Fact]
    public async Task A_residents_request_tells_the_committee_and_grid_worker_and_a_case_without_a_grid_only_the_committee()
    {
        await RegisterAsync(actor: null);
        Assert.Equal(["nanqu", "nanqu-b", "wangge1"], Told(NotificationKind.CaseNew));

        await RegisterAsync("wangge1", grid: null);
        Assert.Equal(["nanqu", "nanqu", "nanqu-b", "nanqu-b", "wangge1"], Told(NotificationKind.CaseNew));
    }

    [Fact]
    public async Task The_handler_is_told_when_given_the_case_unless_they_took_it_themself_or_may_not_open_it()
    {
        var id = await RegisterAsync("wangge1");
        Step(id, "nanqu", k => k.Accept(Id("nanqu-b"), Now, Id("nanqu")));
        Assert.Equal(["nanqu-b"], Told(NotificationKind.CaseAssigned));

        Step(id, "nanqu", k => k.AssignHandler(Id("nanqu"), Now, Id("nanqu")));
        Assert.Equal(["nanqu-b"], Told(NotificationKind.CaseAssigned));

        // 北区's committee cannot open a 南区 case: it is not told of it, whatever the handler field says.
        Step(id, "jiedao", k => k.AssignHandler(Id("beiqu"), Now, Id("jiedao")));
        Assert.Equal(["nanqu-b"], Told(NotificationKind.CaseAssigned));
    }

    [Fact]
    public async Task Escalation_tells_the_sub_district_and_handing_back_the_community_committee()
    {
        var id = await RegisterAsync(actor: null);
        Step(id, "nanqu", k => k.Escalate("涉及多个单位", Now, Id("nanqu")));
        Assert.Equal(["jiedao"], Told(NotificationKind.CaseEscalated));

        Step(id, "jiedao", k => k.HandBack(null, "社区继续办理", Now, Id("jiedao")));
        Assert.Equal(["nanqu", "nanqu-b"], Told(NotificationKind.CaseHandedBack));
        Assert.DoesNotContain("nanqu-old", Told(NotificationKind.CaseNew));
    }

    [Fact]
    public async Task A_term_tells_the_accounts_of_the_owing_unit_only_and_its_fulfilment_tells_the_handler()
    {
        var id = await RegisterAsync(actor: null);
        var termId = 0;
        Step(id, "nanqu", k =>
        {
            k.Accept(Id("nanqu"), Now, Id("nanqu"));
            k.StartMediation(Now, Id("nanqu"));
            var unit = k.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, _mine, CasePartyRole.ResponsibleUnit, Now, Id("nanqu"));
            var resident = k.AddParty(CasePartyKind.Resident, "刘贤英", CaseTestData.ResidentPhone, null, CasePartyRole.Complainant, Now, Id("nanqu"));
            k.AddTerm(unit, AgreementTermKind.Repair, "更换 4 盏路灯", null, new DateOnly(2026, 11, 9), Now, Id("nanqu"));
            k.AddTerm(resident, AgreementTermKind.Other, "配合施工", null, new DateOnly(2026, 11, 9), Now, Id("nanqu"));
        });
        Assert.Equal(["unit02"], Told(NotificationKind.TermRecorded));
        await using (var db = _database.CreateContext())
        {
            var told = await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.TermRecorded);
            termId = told.AgreementTermId!.Value;
            Assert.Null(told.CaseId); // a unit opens the term, never the case
            Assert.Equal("更换 4 盏路灯", await db.AgreementTerms.Where(t => t.Id == termId).Select(t => t.Description).SingleAsync());
        }

        Step(id, "unit02", k => k.MarkTermFulfilled(termId, new DateOnly(2026, 11, 2), "已更换", Now, Id("unit02")));
        Assert.Equal(["nanqu"], Told(NotificationKind.TermFulfilled));
        // The handler fulfilling a term themself is not told of it.
        Step(id, "nanqu", k => k.MarkTermFulfilled(k.Terms.Single(t => t.Id != termId).Id, new DateOnly(2026, 11, 2), "已配合", Now, Id("nanqu")));
        Assert.Equal(["nanqu"], Told(NotificationKind.TermFulfilled));
    }

    [Fact]
    public void Action_items_tell_their_owner_when_assigned_and_sent_back_and_the_sub_district_when_done()
    {
        _user.UserId = Id("jiedao");
        int unitItem, communityItem;
        using (var db = _database.CreateContext())
        {
            var meeting = new JointMeeting { SubDistrictId = _subDistrict, MeetingDate = new DateOnly(2026, 11, 1), Place = "街道", ConvenedBy = "街道党工委", Topics = "照明" };
            db.JointMeetings.Add(meeting);
            var decision = new JointDecision { Text = "整治照明" };
            var a = meeting.AddActionItem(decision, _mine, null, "维修路灯", new DateOnly(2026, 11, 20), null, Now, Id("jiedao"));
            var b = meeting.AddActionItem(decision, null, _south, "建立台账", new DateOnly(2026, 11, 20), null, Now, Id("jiedao"));
            db.SaveChanges();
            (unitItem, communityItem) = (a.Id, b.Id);
        }
        Assert.Equal(["nanqu", "nanqu-b", "unit02"], Told(NotificationKind.ActionItemAssigned));

        void Work(int id, string actor, Action<ActionItem> step)
        {
            _user.UserId = Id(actor);
            using var db = _database.CreateContext();
            step(db.ActionItems.Single(a => a.Id == id));
            db.SaveChanges();
        }
        Work(unitItem, "unit02", a => a.RecordProgress(100, "已完成", Now, Id("unit02")));
        Assert.Equal(["jiedao"], Told(NotificationKind.ActionItemCompleted));
        Work(unitItem, "jiedao", a => a.SendBack("请附照片", Now, Id("jiedao")));
        Assert.Equal(["unit02"], Told(NotificationKind.ActionItemSentBack));
        Work(communityItem, "jiedao", a => a.SendBack("请补充", Now, Id("jiedao")));
        Assert.Equal(["nanqu", "nanqu-b", "unit02"], Told(NotificationKind.ActionItemSentBack));
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_notification()
    {
        _user.UserId = null;
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var details = new CaseDetails(CaseKind.Dispute, CaseSource.WalkIn, "刘贤英", CaseTestData.ResidentPhone, _south, _compound, _building1, _grid1,
                "撤销的案件", "不会保存。", Now.AddHours(-1), CaseUrgency.Normal);
            await db.RegisterCaseAsync(details, db.CaseCategories.First(), Now, null);
            Assert.Equal(3, await db.Notifications.CountAsync()); // written inside the transaction…
            await transaction.RollbackAsync();
        }
        await using var check = _database.CreateContext();
        Assert.Equal(0, await check.Cases.CountAsync()); // …and gone with the change
        Assert.Equal(0, await check.Notifications.CountAsync());
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_notification_and_a_retry_writes_them_once()
    {
        var id = await RegisterAsync(actor: null);
        _user.UserId = Id("nanqu");
        await using var db = _database.CreateContext();
        var kase = db.Cases.IncludeForRules().Single(c => c.Id == id);
        kase.Escalate("需街道协调", Now, Id("nanqu"));
        db.Entry(kase).Property(c => c.Version).OriginalValue = Guid.NewGuid(); // someone else saved meanwhile
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Empty(Told(NotificationKind.CaseEscalated));

        db.Entry(kase).Property(c => c.Version).OriginalValue = db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).Single();
        await db.SaveChangesAsync();
        Assert.Equal(["jiedao"], Told(NotificationKind.CaseEscalated));
        await db.SaveChangesAsync();
        Assert.Equal(["jiedao"], Told(NotificationKind.CaseEscalated));
    }

    [Fact]
    public async Task When_shown_a_notification_whose_record_left_the_readers_scope_is_not_there()
    {
        var id = await RegisterAsync(actor: null);
        var nanqu = new UserScope(PortalRole.CommunityCommittee, _subDistrict, _south, null);
        await using (var db = _database.CreateContext())
            Assert.Equal(1, await db.Notifications.VisibleTo(db, Id("nanqu"), nanqu).CountAsync());

        // The case is corrected to 北区: 南区 can no longer open it, so its notification is no longer shown.
        Step(id, "jiedao", k =>
        {
            var d = new CaseDetails(k.Kind, k.Source, k.ReporterName, k.ReporterPhone, _north, null, null, null, k.Title, k.Description, k.OccurredAtUtc, k.Urgency);
            k.UpdateDetails(d, k.Category!, Now, Id("jiedao"));
        });
        await using var after = _database.CreateContext();
        Assert.Equal(0, await after.Notifications.VisibleTo(after, Id("nanqu"), nanqu).CountAsync());
        // Nor is anyone else's notification ever another reader's.
        var wangge1 = new UserScope(PortalRole.GridWorker, _subDistrict, _south, null) { GridIds = [_grid1] };
        Assert.Equal(0, await after.Notifications.VisibleTo(after, Id("nanqu"), wangge1).CountAsync(n => n.UserId != Id("nanqu")));
    }
}

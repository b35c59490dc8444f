using TongkuangAlliance.Core.GridWork;

namespace TongkuangAlliance.UnitTests.GridWork;

/// <summary>A grid worker's scope (its grids, all of one community) and the rules of a visit.</summary>
public sealed class GridWorkerRulesTests
{
    private static Grid NewGrid(int id, int communityId) => new() { Id = id, CommunityId = communityId, Name = $"G{id}" };

    private static AppUser NewUser() => new() { UserName = "wangge", DisplayName = "网格员" };

    [Fact]
    public void A_grid_worker_needs_its_community_and_at_least_one_grid_of_it()
    {
        var user = NewUser();
        Assert.Equal("Account.CommunityRequired", Assert.Throws<DomainException>(() => user.AssignScope(PortalRole.GridWorker, 1, null, null, [NewGrid(3, 4)])).MessageKey);
        Assert.Equal("Account.GridsRequired", Assert.Throws<DomainException>(() => user.AssignScope(PortalRole.GridWorker, 1, 4, null, [])).MessageKey);
        var error = Assert.Throws<DomainException>(() => user.AssignScope(PortalRole.GridWorker, 1, 4, null, [NewGrid(3, 4), NewGrid(7, 5)]));
        Assert.Equal(("Account.GridOutsideCommunity", "GridIds"), (error.MessageKey, error.Field));
        Assert.Empty(user.GridLinks);
    }

    [Fact]
    public void Rescoping_keeps_replaces_or_drops_the_grid_links()
    {
        var user = NewUser();
        user.AssignScope(PortalRole.GridWorker, 1, 4, 9, [NewGrid(3, 4), NewGrid(5, 4), NewGrid(3, 4)]);
        Assert.Equal([3, 5], user.GridLinks.Select(l => l.GridId).Order());
        Assert.Null(user.MemberUnitId);
        var kept = user.GridLinks.Single(l => l.GridId == 5);

        user.AssignScope(PortalRole.GridWorker, 1, 4, null, [NewGrid(5, 4), NewGrid(6, 4)]);
        Assert.Equal([5, 6], user.GridLinks.Select(l => l.GridId).Order());
        Assert.Same(kept, user.GridLinks.Single(l => l.GridId == 5));

        user.AssignScope(PortalRole.CommunityCommittee, 1, 4, null);
        Assert.Empty(user.GridLinks);
    }

    [Fact]
    public void The_grids_travel_as_claims_and_come_back_as_the_scope()
    {
        var user = NewUser();
        user.AssignScope(PortalRole.GridWorker, 1, 4, null, [NewGrid(3, 4), NewGrid(5, 4)]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(UserScope.ClaimsFor(user), "test"));
        var scope = UserScope.FromPrincipal(principal)!;
        Assert.Equal((PortalRole.GridWorker, 1, (int?)4), (scope.Role, scope.SubDistrictId, scope.CommunityId));
        Assert.Equal([3, 5], scope.GridIds.Order());

        var community = NewUser();
        community.AssignScope(PortalRole.CommunityCommittee, 1, 4, null);
        Assert.Empty(UserScope.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(UserScope.ClaimsFor(community, [3]), "test")))!.GridIds);
    }

    [Fact]
    public void A_grid_worker_works_only_its_own_grids_but_reads_its_whole_community()
    {
        var grids = new[] { NewGrid(3, 4), NewGrid(5, 4), NewGrid(7, 8) }.AsQueryable();
        var scope = new UserScope(PortalRole.GridWorker, 1, 4, null) { GridIds = [3] };
        Assert.Equal([3], grids.WorkableBy(scope).Select(g => g.Id));
        Assert.Equal([3, 5], grids.VisibleTo(scope).Select(g => g.Id));
        Assert.Empty(grids.WorkableBy(new UserScope(PortalRole.PairedUnit, 1, null, 2)));
        Assert.Equal([3, 5], grids.WorkableBy(new UserScope(PortalRole.CommunityCommittee, 1, 4, null)).Select(g => g.Id));
    }

    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(0, "2 单元 301", "2026-11-25", "情况正常", false, null, "Visit.GridRequired")]
    [InlineData(3, " ", "2026-11-25", "情况正常", false, null, "Visit.PlaceRequired")]
    [InlineData(3, "2 单元 301", "2026-11-26", "情况正常", false, null, "Visit.InFuture")]
    [InlineData(3, "2 单元 301", "2026-11-25", "", false, null, "Visit.FindingsRequired")]
    [InlineData(3, "2 单元 301", "2026-11-25", "楼顶渗水", true, "", "Visit.FollowUpNoteRequired")]
    public void A_visit_breaking_a_rule_is_refused(int grid, string place, string date, string findings, bool followUp, string? note, string key)
    {
        var error = Assert.Throws<DomainException>(() => Visit.Record(grid, null, place, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), findings, followUp, note, Today, "u1"));
        Assert.Equal(key, error.MessageKey);
    }

    [Fact]
    public void A_visit_becomes_at_most_one_case()
    {
        var visit = Visit.Record(3, 12, " 2 单元 301 ", Today, " 楼顶渗水 ", true, " 联系物业 ", Today, "u1");
        Assert.Equal(("2 单元 301", "楼顶渗水", "联系物业"), (visit.Place, visit.Findings, visit.FollowUpNote));
        var now = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
        var kase = Case.Register(new CaseDetails(CaseKind.Request, CaseSource.GridReport, "钱阿姨", "13507932222", 4, null, 12, 3,
            "楼顶渗水", "走访发现楼顶渗水", now, CaseUrgency.Normal), CaseCategory.Defaults()[0], now, "u1");
        visit.LinkCase(kase);
        Assert.Same(kase, visit.Case);
        Assert.Equal("Visit.AlreadyCase", Assert.Throws<DomainException>(() => visit.LinkCase(kase)).MessageKey);
    }
}

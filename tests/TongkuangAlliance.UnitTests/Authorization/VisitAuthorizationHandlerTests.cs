namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>
/// The visit ledger's permissions, per operation and role, in and out of scope. The visit is in sub-district 1,
/// community 10, grid 100; grid 101 is the next grid of the same community.
/// </summary>
public sealed class VisitAuthorizationHandlerTests
{
    private static readonly VisitResource SouthVisit = new(1, 10, 100);

    private static ClaimsPrincipal Principal(PortalRole role, int subDistrict, int? community = null, int? unit = null, params int[] grids)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, role.ToString()),
            new(UserScope.SubDistrictClaim, subDistrict.ToString(CultureInfo.InvariantCulture)),
        };
        if (community is { } c) claims.Add(new Claim(UserScope.CommunityClaim, c.ToString(CultureInfo.InvariantCulture)));
        if (unit is { } u) claims.Add(new Claim(UserScope.MemberUnitClaim, u.ToString(CultureInfo.InvariantCulture)));
        claims.AddRange(grids.Select(g => new Claim(UserScope.GridClaim, g.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> Allowed(ClaimsPrincipal user, VisitResource resource, OperationAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await new VisitAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData(PortalRole.SubDistrictCommittee, 1, null, null, null, true)] // the visit's sub-district
    [InlineData(PortalRole.SubDistrictCommittee, 2, null, null, null, false)] // another sub-district
    [InlineData(PortalRole.CommunityCommittee, 1, 10, null, null, true)] // the visit's community
    [InlineData(PortalRole.CommunityCommittee, 1, 11, null, null, false)] // another community
    [InlineData(PortalRole.GridWorker, 1, 10, null, new[] { 100 }, true)] // the visit's grid
    [InlineData(PortalRole.GridWorker, 1, 10, null, new[] { 101, 100 }, true)] // two grids, the visit's among them
    [InlineData(PortalRole.GridWorker, 1, 10, null, new[] { 101 }, false)] // the next grid, same community
    [InlineData(PortalRole.GridWorker, 1, 11, null, new[] { 110 }, false)] // another community
    [InlineData(PortalRole.PairedUnit, 1, null, 5, null, false)] // visits name households
    [InlineData(PortalRole.Volunteer, 1, 10, null, null, false)] // living in the community
    public async Task A_visit_is_read_and_made_a_case_of_by_whoever_has_its_grid_in_scope(PortalRole role, int subDistrict, int? community, int? unit, int[]? grids, bool expected)
    {
        var user = Principal(role, subDistrict, community, unit, grids ?? []);
        Assert.Equal(expected, await Allowed(user, SouthVisit, VisitOperations.View));
        Assert.Equal(expected, await Allowed(user, SouthVisit, VisitOperations.MakeCase));
    }

    [Theory]
    [InlineData(PortalRole.SubDistrictCommittee, 1, null, null, null, false)] // reads the ledger, keeps none
    [InlineData(PortalRole.SubDistrictCommittee, 2, null, null, null, false)]
    [InlineData(PortalRole.CommunityCommittee, 1, 10, null, null, true)] // the grid's community
    [InlineData(PortalRole.CommunityCommittee, 1, 11, null, null, false)] // another community
    [InlineData(PortalRole.GridWorker, 1, 10, null, new[] { 100 }, true)] // its own grid
    [InlineData(PortalRole.GridWorker, 1, 10, null, new[] { 101 }, false)] // the next grid, same community
    [InlineData(PortalRole.GridWorker, 1, 11, null, new[] { 110 }, false)] // another community
    [InlineData(PortalRole.PairedUnit, 1, null, 5, null, false)]
    [InlineData(PortalRole.Volunteer, 1, 10, null, null, false)]
    public async Task A_visit_is_recorded_in_a_grid_by_those_who_keep_its_ledger(PortalRole role, int subDistrict, int? community, int? unit, int[]? grids, bool expected)
    {
        var user = Principal(role, subDistrict, community, unit, grids ?? []);
        Assert.Equal(expected, await Allowed(user, SouthVisit, VisitOperations.Record));
    }

    [Theory]
    [InlineData(PortalRole.SubDistrictCommittee, null, null, false)]
    [InlineData(PortalRole.CommunityCommittee, 10, null, true)]
    [InlineData(PortalRole.GridWorker, 10, 100, true)]
    [InlineData(PortalRole.PairedUnit, null, null, false)]
    [InlineData(PortalRole.Volunteer, 10, null, false)]
    public async Task The_ledger_page_offers_recording_to_those_who_keep_a_ledger(PortalRole role, int? community, int? grid, bool expected)
    {
        var user = Principal(role, 1, community, role == PortalRole.PairedUnit ? 5 : null, grid is { } g ? [g] : []);
        var ledger = VisitResource.LedgerOf(UserScope.FromPrincipal(user)!);
        Assert.Equal(expected, await Allowed(user, ledger, VisitOperations.Record));
    }

    [Fact]
    public async Task Another_communitys_ledger_is_not_recorded_in()
    {
        var committee = Principal(PortalRole.CommunityCommittee, 1, community: 10);
        var worker = Principal(PortalRole.GridWorker, 1, community: 10, grids: [100]);
        Assert.False(await Allowed(committee, new VisitResource(1, 11, null), VisitOperations.Record));
        Assert.False(await Allowed(worker, new VisitResource(1, 11, null), VisitOperations.Record));
    }

    [Fact]
    public async Task A_visit_without_a_grid_is_read_by_no_grid_worker()
    {
        var worker = Principal(PortalRole.GridWorker, 1, community: 10, grids: [100]);
        Assert.False(await Allowed(worker, new VisitResource(1, 10, null), VisitOperations.View));
        Assert.False(await Allowed(worker, new VisitResource(1, 10, null), VisitOperations.MakeCase));
    }

    [Fact]
    public async Task Anonymous_users_and_other_operations_are_never_allowed()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.False(await Allowed(anonymous, SouthVisit, VisitOperations.View));
        Assert.False(await Allowed(anonymous, SouthVisit, VisitOperations.Record));
        Assert.False(await Allowed(anonymous, SouthVisit, VisitOperations.MakeCase));
        var committee = Principal(PortalRole.CommunityCommittee, 1, community: 10);
        Assert.False(await Allowed(committee, SouthVisit, Operations.Update));
    }
}

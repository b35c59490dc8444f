namespace TongkuangAlliance.UnitTests.Authorization;

public sealed class ResourceHandlerTests
{
    private static ClaimsPrincipal Principal(PortalRole role, int subDistrict, int? community = null, int? unit = null)
    {
        var user = new AppUser { UserName = "u", DisplayName = "u" };
        user.AssignScope(role, subDistrict, community, unit);
        return new ClaimsPrincipal(new ClaimsIdentity(UserScope.ClaimsFor(user), "test"));
    }

    private static async Task<bool> CanUpdate(IAuthorizationHandler handler, ClaimsPrincipal user, object resource)
    {
        var context = new AuthorizationHandlerContext([Operations.Update], user, resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData(PortalRole.SubDistrictCommittee, 1, null, null, true)]
    [InlineData(PortalRole.SubDistrictCommittee, 2, null, null, false)] // another sub-district's committee
    [InlineData(PortalRole.CommunityCommittee, 1, 10, null, true)]
    [InlineData(PortalRole.CommunityCommittee, 1, 11, null, false)] // another community
    [InlineData(PortalRole.PairedUnit, 1, null, 5, false)] // units read a community's structure, never change it
    public async Task Community_records_are_changed_by_its_sub_district_and_its_own_committee(PortalRole role, int subDistrict, int? community, int? unit, bool expected)
    {
        var allowed = await CanUpdate(new CommunityAuthorizationHandler(), Principal(role, subDistrict, community, unit), new CommunityResource(1, 10));
        Assert.Equal(expected, allowed);
    }

    [Theory]
    [InlineData(PortalRole.SubDistrictCommittee, 1, null, null, true)]
    [InlineData(PortalRole.SubDistrictCommittee, 2, null, null, false)]
    [InlineData(PortalRole.PairedUnit, 1, null, 5, true)] // the unit itself
    [InlineData(PortalRole.PairedUnit, 1, null, 6, false)] // another unit
    [InlineData(PortalRole.CommunityCommittee, 1, 10, null, false)]
    public async Task A_unit_record_is_changed_by_the_sub_district_or_the_unit_itself(PortalRole role, int subDistrict, int? community, int? unit, bool expected)
    {
        var allowed = await CanUpdate(new MemberUnitAuthorizationHandler(), Principal(role, subDistrict, community, unit), new MemberUnitResource(1, 5));
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public async Task An_anonymous_principal_is_never_allowed()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.False(await CanUpdate(new CommunityAuthorizationHandler(), anonymous, new CommunityResource(1, 10)));
        Assert.False(await CanUpdate(new MemberUnitAuthorizationHandler(), anonymous, new MemberUnitResource(1, 5)));
    }

    [Fact]
    public void Scope_is_read_back_from_the_claims_it_was_written_to()
    {
        var scope = UserScope.FromPrincipal(Principal(PortalRole.CommunityCommittee, 3, community: 7));
        Assert.Equal(new UserScope(PortalRole.CommunityCommittee, 3, 7, null), scope);
    }

    [Fact]
    public void A_principal_with_a_forged_or_missing_role_has_no_scope()
    {
        var forged = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "Admin"), new Claim(UserScope.SubDistrictClaim, "1")], "test"));
        Assert.Null(UserScope.FromPrincipal(forged));
        var noSubDistrict = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, PortalRoles.SubDistrictCommittee)], "test"));
        Assert.Null(UserScope.FromPrincipal(noSubDistrict));
    }
}

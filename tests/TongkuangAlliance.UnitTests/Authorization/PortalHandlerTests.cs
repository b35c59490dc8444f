using static TongkuangAlliance.UnitTests.Authorization.HandlerTestPrincipals;

namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>Dashboards, account administration, each role's landing page and the role's display name.</summary>
public sealed class PortalHandlerTests
{
    [Theory]
    [InlineData("SubDistrict", null, null, true)] // the whole sub-district
    [InlineData("SubDistrict", 10, null, true)]
    [InlineData("SubDistrict", null, 5, true)]
    [InlineData("CommunityIn", 10, null, true)]
    [InlineData("CommunityIn", 11, null, false)]
    [InlineData("CommunityIn", null, null, false)]
    [InlineData("CommunityIn", null, 5, false)]
    [InlineData("UnitIn", null, 5, true)]
    [InlineData("UnitIn", null, 6, false)]
    [InlineData("UnitIn", null, null, false)]
    [InlineData("UnitIn", 10, null, false)]
    [InlineData("GridWorker", 10, null, false)] // ADR 0008: no dashboard
    [InlineData("Volunteer", 10, null, false)]
    [InlineData("Anonymous", null, null, false)]
    public async Task A_dashboard_is_opened_by_the_sub_district_or_by_its_own_community_or_unit(string who, int? community, int? unit, bool expected) =>
        Assert.Equal(expected, await AllowsAsync(new DashboardAuthorizationHandler(), Named(who), new DashboardResource(community, unit), DashboardOperations.View));

    [Fact]
    public void Each_user_owns_one_dashboard()
    {
        Assert.Equal(new DashboardResource(null, null), DashboardResource.Of(UserScope.FromPrincipal(Named("SubDistrict"))!));
        Assert.Equal(new DashboardResource(10, null), DashboardResource.Of(UserScope.FromPrincipal(Named("CommunityIn"))!));
        Assert.Equal(new DashboardResource(null, 5), DashboardResource.Of(UserScope.FromPrincipal(Named("UnitIn"))!));
    }

    [Theory]
    [InlineData("SubDistrict", PortalRole.CommunityCommittee, true)]
    [InlineData("SubDistrict", PortalRole.GridWorker, true)]
    [InlineData("SubDistrict", PortalRole.Volunteer, false)] // a volunteer's scope is their party-member record
    [InlineData("OtherSubDistrict", PortalRole.CommunityCommittee, false)]
    [InlineData("CommunityIn", PortalRole.CommunityCommittee, false)]
    [InlineData("UnitIn", PortalRole.PairedUnit, false)]
    [InlineData("GridWorker", PortalRole.GridWorker, false)]
    [InlineData("Volunteer", PortalRole.Volunteer, false)]
    [InlineData("Anonymous", PortalRole.CommunityCommittee, false)]
    public async Task An_account_is_edited_by_its_sub_districts_committee_unless_it_is_a_volunteers(string who, PortalRole accountRole, bool expected) =>
        Assert.Equal(expected, await AllowsAsync(new AccountAuthorizationHandler(), Named(who), new AccountResource(1, accountRole), AccountOperations.Edit));

    [Theory]
    [InlineData("SubDistrict", PortalHomePage.SubDistrict)]
    [InlineData("CommunityIn", PortalHomePage.Community)]
    [InlineData("UnitIn", PortalHomePage.Unit)]
    [InlineData("GridWorker", PortalHomePage.GridWork)]
    [InlineData("Volunteer", PortalHomePage.MyVolunteering)]
    public void Each_role_lands_on_its_own_home(string who, PortalHomePage expected) =>
        Assert.Equal(expected, PortalHome.Of(UserScope.FromPrincipal(Named(who))!));

    [Fact]
    public void The_role_name_is_a_resource_key() =>
        Assert.Equal("Role.PairedUnit", UserScope.FromPrincipal(Named("UnitIn"))!.RoleNameKey());
}

public sealed class AccountRolesTests
{
    [Theory]
    [InlineData(null, false)] // no role chosen: nothing changes
    [InlineData(PortalRole.CommunityCommittee, false)]
    [InlineData(PortalRole.SubDistrictCommittee, true)]
    public void A_role_change_is_a_chosen_role_other_than_the_accounts(PortalRole? requested, bool expected)
    {
        var account = new AppUser { UserName = "u", DisplayName = "u" };
        account.AssignScope(PortalRole.CommunityCommittee, 1, 10, null);
        Assert.Equal(expected, requested.IsRoleChangeFor(account));
    }
}

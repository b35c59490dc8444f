using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.UnitTests.Authorization.HandlerTestPrincipals;

namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>Joint meetings, joint projects and action items (issue 7's 督办): who records, reports progress and sends back.</summary>
public sealed class JointWorkHandlerTests
{
    [Theory]
    [InlineData("SubDistrict", true)]
    [InlineData("OtherSubDistrict", false)]
    [InlineData("CommunityIn", true)] // convened it
    [InlineData("CommunityOut", false)] // attended, perhaps, but did not convene
    [InlineData("UnitIn", false)]
    [InlineData("GridWorker", false)]
    [InlineData("Volunteer", false)]
    [InlineData("Anonymous", false)]
    public async Task A_community_convened_meeting_records_decisions_by_its_sub_district_and_its_convener(string who, bool expected) =>
        Assert.Equal(expected, await AllowsAsync(new JointMeetingAuthorizationHandler(), Named(who), new JointMeetingResource(1, 10), JointMeetingOperations.RecordDecisions));

    [Theory]
    [InlineData("SubDistrict", true)]
    [InlineData("OtherSubDistrict", false)]
    [InlineData("CommunityIn", false)] // the sub-district convened it
    [InlineData("UnitIn", false)]
    public async Task A_sub_district_convened_meeting_records_decisions_by_the_sub_district_only(string who, bool expected) =>
        Assert.Equal(expected, await AllowsAsync(new JointMeetingAuthorizationHandler(), Named(who), new JointMeetingResource(1, null), JointMeetingOperations.RecordDecisions));

    [Fact]
    public void A_community_convenes_as_itself_and_the_sub_district_as_the_sub_district()
    {
        Assert.Equal(10, JointMeetingOperations.ConvenerCommunityOf(Core.Scoping.UserScope.FromPrincipal(Named("CommunityIn"))!));
        Assert.Null(JointMeetingOperations.ConvenerCommunityOf(Core.Scoping.UserScope.FromPrincipal(Named("SubDistrict"))!));
    }

    [Theory]
    [InlineData("SubDistrict", PairingSide.Unit, false, true)]
    [InlineData("SubDistrict", PairingSide.Community, false, true)]
    [InlineData("OtherSubDistrict", PairingSide.Unit, false, false)]
    [InlineData("UnitIn", PairingSide.Unit, true, false)]
    [InlineData("UnitIn", PairingSide.Community, false, false)] // the community side's project of its own pairing
    [InlineData("UnitOut", PairingSide.Unit, false, false)]
    [InlineData("CommunityIn", PairingSide.Community, true, false)]
    [InlineData("CommunityIn", PairingSide.Unit, false, false)]
    [InlineData("CommunityOut", PairingSide.Community, false, false)]
    [InlineData("GridWorker", PairingSide.Community, false, false)]
    [InlineData("Volunteer", PairingSide.Community, false, false)]
    [InlineData("Anonymous", PairingSide.Unit, false, false)]
    public async Task A_project_is_reported_on_by_its_owning_side_and_sent_back_by_its_sub_district(string who, PairingSide owner, bool updates, bool sendsBack)
    {
        var project = new JointProjectResource(1, 10, 5, owner);
        var handler = new JointProjectAuthorizationHandler();
        Assert.Equal(updates, await AllowsAsync(handler, Named(who), project, JointProjectOperations.UpdateProgress));
        Assert.Equal(sendsBack, await AllowsAsync(handler, Named(who), project, JointProjectOperations.SendBack));
    }

    [Theory]
    [InlineData("SubDistrict", 5, null, false, true)]
    [InlineData("OtherSubDistrict", 5, null, false, false)]
    [InlineData("UnitIn", 5, null, true, false)]
    [InlineData("UnitOut", 5, null, false, false)]
    [InlineData("UnitIn", null, 10, false, false)] // a community's item
    [InlineData("CommunityIn", null, 10, true, false)]
    [InlineData("CommunityOut", null, 10, false, false)]
    [InlineData("CommunityIn", 5, null, false, false)] // a unit's item
    [InlineData("GridWorker", null, 10, false, false)]
    [InlineData("Volunteer", null, 10, false, false)]
    [InlineData("Anonymous", 5, null, false, false)]
    public async Task An_action_item_is_reported_on_by_its_owner_and_sent_back_by_its_sub_district(string who, int? unit, int? community, bool updates, bool sendsBack)
    {
        var item = new ActionItemResource(1, unit, community);
        var handler = new ActionItemAuthorizationHandler();
        Assert.Equal(updates, await AllowsAsync(handler, Named(who), item, ActionItemOperations.UpdateProgress));
        Assert.Equal(sendsBack, await AllowsAsync(handler, Named(who), item, ActionItemOperations.SendBack));
    }

    [Fact]
    public async Task An_action_item_of_another_sub_districts_meeting_is_nobodys_here()
    {
        var item = new ActionItemResource(2, 5, null);
        Assert.False(await AllowsAsync(new ActionItemAuthorizationHandler(), Named("UnitIn"), item, ActionItemOperations.UpdateProgress));
        Assert.False(await AllowsAsync(new ActionItemAuthorizationHandler(), Named("SubDistrict"), item, ActionItemOperations.SendBack));
    }

    [Theory]
    [InlineData("SubDistrict", 5, null, true)]
    [InlineData("SubDistrict", null, 10, false)] // the page lists a unit's commitments for the sub-district
    [InlineData("SubDistrict", null, null, false)]
    [InlineData("UnitIn", 5, null, true)]
    [InlineData("UnitIn", 6, null, false)]
    [InlineData("CommunityIn", null, 10, true)]
    [InlineData("CommunityIn", null, 11, false)]
    [InlineData("CommunityIn", 5, null, false)]
    [InlineData("GridWorker", null, 10, false)]
    [InlineData("Volunteer", null, 10, false)]
    [InlineData("Anonymous", 5, null, false)]
    public async Task Commitments_are_opened_by_their_owner_or_for_a_unit_by_the_sub_district(string who, int? unit, int? community, bool expected) =>
        Assert.Equal(expected, await AllowsAsync(new WorkOwnerAuthorizationHandler(), Named(who), new WorkOwnerResource(unit, community), WorkOwnerOperations.ViewCommitments));

    [Fact]
    public void A_user_owns_work_as_its_unit_or_its_community_and_the_sub_district_as_nobody()
    {
        Assert.Equal(new WorkOwnerResource(5, null), WorkOwnerResource.Of(Core.Scoping.UserScope.FromPrincipal(Named("UnitIn"))!));
        Assert.Equal(new WorkOwnerResource(null, 10), WorkOwnerResource.Of(Core.Scoping.UserScope.FromPrincipal(Named("CommunityIn"))!));
        Assert.Equal(new WorkOwnerResource(null, null), WorkOwnerResource.Of(Core.Scoping.UserScope.FromPrincipal(Named("SubDistrict"))!));
    }

    [Theory]
    [InlineData("SubDistrict", true, true, true)]
    [InlineData("OtherSubDistrict", false, false, false)]
    [InlineData("CommunityIn", true, false, true)]
    [InlineData("CommunityOut", false, false, false)]
    [InlineData("UnitIn", false, true, true)]
    [InlineData("UnitOut", false, false, false)]
    [InlineData("GridWorker", false, false, false)]
    [InlineData("Volunteer", false, false, false)]
    [InlineData("Anonymous", false, false, false)]
    public async Task Pairing_lists_are_written_by_the_sub_district_and_each_side_its_own_list(string who, bool need, bool resource, bool project)
    {
        var lists = new PairingListResource(1, 10, 5);
        var handler = new PairingListAuthorizationHandler();
        Assert.Equal(need, await AllowsAsync(handler, Named(who), lists, PairingListOperations.AddNeed));
        Assert.Equal(resource, await AllowsAsync(handler, Named(who), lists, PairingListOperations.AddResource));
        Assert.Equal(project, await AllowsAsync(handler, Named(who), lists, PairingListOperations.CreateProject));
    }

    [Fact]
    public async Task A_handler_answers_only_its_own_operations()
    {
        Assert.False(await AllowsAsync(new JointProjectAuthorizationHandler(), Named("SubDistrict"), new JointProjectResource(1, 10, 5, PairingSide.Unit), ActionItemOperations.SendBack));
        Assert.False(await AllowsAsync(new ActionItemAuthorizationHandler(), Named("SubDistrict"), new ActionItemResource(1, 5, null), Operations.Update));
        Assert.False(await AllowsAsync(new JointMeetingAuthorizationHandler(), Named("SubDistrict"), new JointMeetingResource(1, null), Operations.Update));
    }
}

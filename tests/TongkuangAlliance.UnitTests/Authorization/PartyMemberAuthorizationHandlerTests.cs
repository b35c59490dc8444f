using static TongkuangAlliance.UnitTests.Authorization.ActivityAuthorizationHandlerTests;

namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>
/// Who may act on a party member's entry, with the personas of <see cref="ActivityAuthorizationHandlerTests"/>:
/// sub-district 1, community 10 (a committee's own; 11 is another), unit 5 (a unit's own; 6 is another).
/// </summary>
public sealed class PartyMemberAuthorizationHandlerTests
{
    private static Task<bool> AllowedAsync(Who who, PartyMemberResource resource, OperationAuthorizationRequirement operation) =>
        ActivityAuthorizationHandlerTests.AllowedAsync(new PartyMemberAuthorizationHandler(), who, resource, operation);

    [Theory]
    [InlineData(Who.SubDistrictIn, 10, true)]
    [InlineData(Who.SubDistrictIn, 11, true)]
    [InlineData(Who.SubDistrictOut, 10, false)]
    [InlineData(Who.CommunityIn, 10, true)]
    [InlineData(Who.CommunityIn, 11, false)] // a committee registers its own residents only
    [InlineData(Who.UnitInvited, 10, true)] // a unit's employees live in any community of the sub-district
    [InlineData(Who.UnitInvited, 11, true)]
    [InlineData(Who.GridWorker, 10, false)]
    [InlineData(Who.Volunteer, 10, false)]
    [InlineData(Who.Anonymous, 10, false)]
    public async Task A_member_is_registered_in_a_community_by_the_sub_district_its_committee_or_a_unit(Who who, int community, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(who, PartyMemberResource.InCommunity(1, community), PartyMemberOperations.RegisterInCommunity));

    [Theory]
    [InlineData(Who.SubDistrictIn, 5, true)]
    [InlineData(Who.SubDistrictIn, null, true)] // an employer outside the alliance
    [InlineData(Who.SubDistrictOut, 5, false)]
    [InlineData(Who.CommunityIn, 5, true)]
    [InlineData(Who.CommunityIn, null, true)]
    [InlineData(Who.UnitInvited, 5, true)]
    [InlineData(Who.UnitInvited, 6, false)] // another unit's books
    [InlineData(Who.UnitInvited, null, false)] // a unit registers its own employees only
    [InlineData(Who.GridWorker, 5, false)]
    [InlineData(Who.Volunteer, null, false)]
    [InlineData(Who.Anonymous, null, false)]
    public async Task A_unit_puts_only_its_own_employees_on_the_registry(Who who, int? unit, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(who, PartyMemberResource.ForUnit(1, unit), PartyMemberOperations.RegisterForUnit));

    [Theory]
    [InlineData(Who.SubDistrictIn, true)]
    [InlineData(Who.SubDistrictOut, false)]
    [InlineData(Who.CommunityIn, true)] // the home community
    [InlineData(Who.CommunityOut, false)]
    [InlineData(Who.UnitInvited, true)] // the employer
    [InlineData(Who.UnitNotInvited, false)]
    [InlineData(Who.GridWorker, false)]
    [InlineData(Who.Volunteer, false)] // a volunteer's own entry is the committees' to correct
    [InlineData(Who.Anonymous, false)]
    public async Task An_entry_is_corrected_by_the_sub_district_the_home_community_or_the_employer(Who who, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(who, new PartyMemberResource(1, 10, 5), PartyMemberOperations.Edit));

    [Theory]
    [InlineData(Who.SubDistrictIn, true)]
    [InlineData(Who.SubDistrictOut, false)]
    [InlineData(Who.CommunityIn, true)]
    [InlineData(Who.CommunityOut, false)]
    [InlineData(Who.UnitInvited, false)] // the employer reads, the home community confirms
    [InlineData(Who.GridWorker, false)]
    [InlineData(Who.Volunteer, false)]
    [InlineData(Who.Anonymous, false)]
    public async Task The_home_community_or_the_sub_district_confirms_a_member_and_opens_the_account(Who who, bool expected)
    {
        var member = new PartyMemberResource(1, 10, 5);
        Assert.Equal(expected, await AllowedAsync(who, member, PartyMemberOperations.Confirm));
        Assert.Equal(expected, await AllowedAsync(who, member, PartyMemberOperations.OpenAccount));
    }

    [Theory]
    [InlineData(Who.UnitInvited, 5, true)]
    [InlineData(Who.UnitInvited, 6, false)]
    [InlineData(Who.UnitInvited, null, false)]
    [InlineData(Who.SubDistrictIn, 5, false)] // the committees register one by one; the bulk import is a unit's
    [InlineData(Who.CommunityIn, 5, false)]
    [InlineData(Who.GridWorker, 5, false)]
    [InlineData(Who.Volunteer, 5, false)]
    [InlineData(Who.Anonymous, 5, false)]
    public async Task A_unit_imports_members_onto_its_own_books(Who who, int? unit, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(who, PartyMemberResource.ForUnit(1, unit), PartyMemberOperations.Import));

    [Fact]
    public async Task Another_sub_districts_unit_imports_nothing_here() =>
        Assert.False(await AllowedAsync(Who.UnitInvited, PartyMemberResource.ForUnit(2, 5), PartyMemberOperations.Import));
}

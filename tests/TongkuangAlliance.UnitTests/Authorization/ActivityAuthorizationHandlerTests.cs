namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>
/// Who may act on an activity of community 10 (sub-district 1) to which unit 5 is invited: each operation, each role,
/// in and out of scope.
/// </summary>
public sealed class ActivityAuthorizationHandlerTests
{
    public enum Who { Anonymous, SubDistrictIn, SubDistrictOut, CommunityIn, CommunityOut, UnitInvited, UnitNotInvited, GridWorker, Volunteer }

    private static readonly ActivityResource Activity = new(1, 10, [5]);

    internal static ClaimsPrincipal Principal(Who who) => who switch
    {
        Who.Anonymous => new ClaimsPrincipal(new ClaimsIdentity()),
        Who.SubDistrictIn => User(PortalRole.SubDistrictCommittee, 1),
        Who.SubDistrictOut => User(PortalRole.SubDistrictCommittee, 2),
        Who.CommunityIn => User(PortalRole.CommunityCommittee, 1, community: 10),
        Who.CommunityOut => User(PortalRole.CommunityCommittee, 1, community: 11),
        Who.UnitInvited => User(PortalRole.PairedUnit, 1, unit: 5),
        Who.UnitNotInvited => User(PortalRole.PairedUnit, 1, unit: 6),
        Who.GridWorker => User(PortalRole.GridWorker, 1, community: 10, grid: 3),
        Who.Volunteer => User(PortalRole.Volunteer, 1, community: 10, partyMember: 7),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    private static ClaimsPrincipal User(PortalRole role, int subDistrict, int? community = null, int? unit = null, int? grid = null, int? partyMember = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role.ToString()), new(UserScope.SubDistrictClaim, Text(subDistrict)) };
        if (community is { } c) claims.Add(new Claim(UserScope.CommunityClaim, Text(c)));
        if (unit is { } u) claims.Add(new Claim(UserScope.MemberUnitClaim, Text(u)));
        if (grid is { } g) claims.Add(new Claim(UserScope.GridClaim, Text(g)));
        if (partyMember is { } p) claims.Add(new Claim(UserScope.PartyMemberClaim, Text(p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static async Task<bool> AllowedAsync(IAuthorizationHandler handler, Who who, object resource, OperationAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], Principal(who), resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }

    private static readonly Dictionary<string, OperationAuthorizationRequirement> CommitteeOperations = new()
    {
        [nameof(ActivityOperations.Schedule)] = ActivityOperations.Schedule,
        [nameof(ActivityOperations.Edit)] = ActivityOperations.Edit,
        [nameof(ActivityOperations.Cancel)] = ActivityOperations.Cancel,
        [nameof(ActivityOperations.RecordResults)] = ActivityOperations.RecordResults,
        [nameof(ActivityOperations.SeeResidents)] = ActivityOperations.SeeResidents,
        [nameof(ActivityOperations.ManageVolunteers)] = ActivityOperations.ManageVolunteers,
        [nameof(ActivityOperations.RegenerateFeed)] = ActivityOperations.RegenerateFeed,
    };

    public static TheoryData<string, Who, bool> CommitteeCases()
    {
        var data = new TheoryData<string, Who, bool>();
        foreach (var operation in CommitteeOperations.Keys)
            foreach (var who in Enum.GetValues<Who>())
                data.Add(operation, who, who is Who.SubDistrictIn or Who.CommunityIn);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommitteeCases))]
    public async Task The_committees_of_the_activitys_community_run_it_and_nobody_else(string operation, Who who, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(new ActivityAuthorizationHandler(), who, Activity, CommitteeOperations[operation]));

    [Theory]
    [MemberData(nameof(CommitteeCases))]
    public async Task A_communitys_calendar_is_scheduled_and_its_feed_replaced_by_the_same_committees(string operation, Who who, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(new ActivityAuthorizationHandler(), who, ActivityResource.ForCommunity(1, 10), CommitteeOperations[operation]));

    [Theory]
    [InlineData(Who.UnitInvited, true)]
    [InlineData(Who.UnitNotInvited, false)] // paired with the community perhaps, but not invited
    [InlineData(Who.SubDistrictIn, false)]
    [InlineData(Who.CommunityIn, false)]
    [InlineData(Who.GridWorker, false)]
    [InlineData(Who.Volunteer, false)]
    [InlineData(Who.Anonymous, false)]
    public async Task Only_an_invited_unit_confirms_its_participation(Who who, bool expected) =>
        Assert.Equal(expected, await AllowedAsync(new ActivityAuthorizationHandler(), who, Activity, ActivityOperations.ConfirmParticipation));

    [Fact]
    public async Task No_unit_confirms_where_none_is_invited() =>
        Assert.False(await AllowedAsync(new ActivityAuthorizationHandler(), Who.UnitInvited, ActivityResource.ForCommunity(1, 10), ActivityOperations.ConfirmParticipation));

    [Fact]
    public async Task An_operation_of_another_record_is_never_granted()
    {
        Assert.False(await AllowedAsync(new ActivityAuthorizationHandler(), Who.SubDistrictIn, Activity, Operations.Update));
        Assert.False(await AllowedAsync(new ActivityAuthorizationHandler(), Who.SubDistrictIn, Activity, PartyMemberOperations.Edit));
    }
}

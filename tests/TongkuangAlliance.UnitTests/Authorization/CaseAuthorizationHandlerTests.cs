namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>
/// Who may do what to a case, per role and operation, on a case of sub-district 1, community 10, grid 100, handled by
/// "handler": each persona in and out of the case's scope.
/// </summary>
public sealed class CaseAuthorizationHandlerTests
{
    public enum Persona
    {
        SubDistrictIn, SubDistrictOut, CommunityIn, CommunityOut, GridWorkerIn, GridWorkerOtherGrid, GridWorkerOtherCommunity,
        GridWorkerHandler, GridWorkerHandlerElsewhere, PairedUnit, Volunteer,
    }

    private static readonly CaseResource TheCase = new(1, 10, 100, "handler");

    private static ClaimsPrincipal Principal(Persona persona)
    {
        var (role, subDistrict, community, grid, unit, id) = persona switch
        {
            Persona.SubDistrictIn => (PortalRole.SubDistrictCommittee, 1, (int?)null, (int?)null, (int?)null, "sd"),
            Persona.SubDistrictOut => (PortalRole.SubDistrictCommittee, 2, null, null, null, "sd2"),
            Persona.CommunityIn => (PortalRole.CommunityCommittee, 1, 10, null, null, "cc"),
            Persona.CommunityOut => (PortalRole.CommunityCommittee, 1, 11, null, null, "cc2"),
            Persona.GridWorkerIn => (PortalRole.GridWorker, 1, 10, 100, null, "gw"),
            Persona.GridWorkerOtherGrid => (PortalRole.GridWorker, 1, 10, 101, null, "gw2"),
            Persona.GridWorkerOtherCommunity => (PortalRole.GridWorker, 1, 11, 100, null, "gw3"),
            Persona.GridWorkerHandler => (PortalRole.GridWorker, 1, 10, 100, null, "handler"),
            // The case's handler by id, but not (or no longer) a worker of its grid.
            Persona.GridWorkerHandlerElsewhere => (PortalRole.GridWorker, 1, 10, 101, null, "handler"),
            Persona.PairedUnit => (PortalRole.PairedUnit, 1, null, null, 5, "unit"),
            Persona.Volunteer => (PortalRole.Volunteer, 1, 10, null, null, "volunteer"),
            _ => throw new ArgumentOutOfRangeException(nameof(persona)),
        };
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Role, role.ToString()),
            new(UserScope.SubDistrictClaim, subDistrict.ToString(CultureInfo.InvariantCulture)),
        };
        if (community is { } c) claims.Add(new(UserScope.CommunityClaim, c.ToString(CultureInfo.InvariantCulture)));
        if (grid is { } g) claims.Add(new(UserScope.GridClaim, g.ToString(CultureInfo.InvariantCulture)));
        if (unit is { } u) claims.Add(new(UserScope.MemberUnitClaim, u.ToString(CultureInfo.InvariantCulture)));
        if (role == PortalRole.Volunteer) claims.Add(new(UserScope.PartyMemberClaim, "7"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> Allows(ClaimsPrincipal user, OperationAuthorizationRequirement operation, CaseResource resource)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await new CaseAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    private static readonly Persona[] Workers = [Persona.SubDistrictIn, Persona.CommunityIn, Persona.GridWorkerIn, Persona.GridWorkerHandler];
    private static readonly Persona[] Committees = [Persona.SubDistrictIn, Persona.CommunityIn];
    private static readonly Persona[] Mediation = [Persona.SubDistrictIn, Persona.CommunityIn, Persona.GridWorkerHandler];
    private static readonly Persona[] SubDistrict = [Persona.SubDistrictIn];

    /// <summary>Each operation with the personas it allows on <see cref="TheCase"/> (not taken over by the sub-district).</summary>
    private static readonly (OperationAuthorizationRequirement Operation, Persona[] Allowed)[] Expected =
    [
        (CaseOperations.View, Workers),
        (CaseOperations.Register, Workers),
        (CaseOperations.RevealPhone, Workers),
        (CaseOperations.Edit, Workers),
        (CaseOperations.Accept, Workers),
        (CaseOperations.StartMediation, Workers),
        (CaseOperations.AddParty, Workers),
        (CaseOperations.AddTerm, Workers),
        (CaseOperations.FulfilTerm, Workers),
        (CaseOperations.Resolve, Workers),
        (CaseOperations.FollowUp, Workers),
        (CaseOperations.Close, Workers),
        (CaseOperations.CloseEarly, Workers),
        (CaseOperations.Escalate, Workers),
        (CaseOperations.Reopen, Workers),
        (CaseOperations.AddNote, Workers),
        (CaseOperations.WithdrawTerm, Workers),
        (CaseOperations.RemoveParty, Workers),
        (CaseOperations.SeeMediationContent, Mediation),
        (CaseOperations.RecordSession, Mediation),
        (CaseOperations.PrintAgreement, Committees),
        (CaseOperations.ChangeHandler, Committees),
        (CaseOperations.TakeOver, SubDistrict),
        (CaseOperations.HandBack, SubDistrict),
    ];

    public static TheoryData<string, Persona, bool> Cases()
    {
        var data = new TheoryData<string, Persona, bool>();
        foreach (var (operation, allowed) in Expected)
            foreach (var persona in Enum.GetValues<Persona>())
                data.Add(operation.Name, persona, allowed.Contains(persona));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_what_its_scope_and_the_case_allow(string operation, Persona persona, bool expected)
    {
        var requirement = Expected.Single(e => e.Operation.Name == operation).Operation;
        Assert.Equal(expected, await Allows(Principal(persona), requirement, TheCase));
    }

    [Theory]
    [InlineData(Persona.SubDistrictIn, true)]
    [InlineData(Persona.SubDistrictOut, false)]
    [InlineData(Persona.CommunityIn, false)] // taken over: the sub-district's only
    [InlineData(Persona.GridWorkerHandler, false)]
    public async Task Once_the_sub_district_took_a_case_over_only_it_changes_the_handler(Persona persona, bool expected)
    {
        var takenOver = TheCase with { TakenOverBySubDistrict = true };
        Assert.Equal(expected, await Allows(Principal(persona), CaseOperations.ChangeHandler, takenOver));
    }

    [Fact]
    public async Task A_case_without_a_grid_is_its_community_s_not_a_grid_worker_s()
    {
        var noGrid = TheCase with { GridId = null };
        Assert.False(await Allows(Principal(Persona.GridWorkerIn), CaseOperations.View, noGrid));
        Assert.False(await Allows(Principal(Persona.GridWorkerIn), CaseOperations.Register, noGrid));
        Assert.True(await Allows(Principal(Persona.CommunityIn), CaseOperations.View, noGrid));
    }

    [Fact]
    public async Task An_anonymous_user_and_other_operations_are_never_allowed()
    {
        Assert.False(await Allows(new ClaimsPrincipal(new ClaimsIdentity()), CaseOperations.View, TheCase));
        Assert.False(await Allows(Principal(Persona.SubDistrictIn), Operations.Update, TheCase));
    }

    [Fact]
    public void Every_step_of_a_case_has_its_operation()
    {
        var names = Enum.GetValues<CaseStep>().Select(s => CaseOperations.For(s).Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith(CaseOperations.Prefix, n, StringComparison.Ordinal));
    }
}

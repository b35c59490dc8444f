using System.Security.Claims;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// Who may do what to a case (<see cref="CaseOperations"/>). Its workers are those who see it
/// (<c>VisibleTo</c>): the sub-district committee of its sub-district, its community's committee, and the grid workers
/// of its grid. On top of that:
/// <list type="bullet">
/// <item>mediation content (and recording a session) is for the committees; a grid worker sees it only while it is the
/// case's handler itself;</item>
/// <item>printing the agreement is for the committees;</item>
/// <item>taking over and handing back are the sub-district's;</item>
/// <item>changing the handler is the committees' — once the sub-district took the case over, the sub-district's only.</item>
/// </list>
/// Every other step is open to all of the case's workers (what the case's state allows is the case's own question:
/// <c>Case.AvailableSteps()</c>).
/// </summary>
public sealed class CaseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CaseResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CaseResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is not null && requirement.Name.StartsWith(CaseOperations.Prefix, StringComparison.Ordinal)
            && Allows(scope, context.User.FindFirstValue(ClaimTypes.NameIdentifier), requirement.Name, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool Allows(UserScope scope, string? me, string operation, CaseResource kase)
    {
        var subDistrict = scope.Role == PortalRole.SubDistrictCommittee && scope.SubDistrictId == kase.SubDistrictId;
        var community = scope.Role == PortalRole.CommunityCommittee && scope.CommunityId == kase.CommunityId;
        var gridWorker = scope.Role == PortalRole.GridWorker && scope.CommunityId == kase.CommunityId
                         && kase.GridId is { } grid && scope.GridIds.Contains(grid);
        var committee = subDistrict || community;
        var handler = me is not null && kase.HandlerUserId == me;

        if (operation == CaseOperations.SeeMediationContent.Name || operation == CaseOperations.RecordSession.Name)
            return committee || (gridWorker && handler);
        if (operation == CaseOperations.PrintAgreement.Name) return committee;
        if (operation == CaseOperations.TakeOver.Name || operation == CaseOperations.HandBack.Name) return subDistrict;
        if (operation == CaseOperations.ChangeHandler.Name) return subDistrict || (community && !kase.TakenOverBySubDistrict);
        return committee || gridWorker;
    }
}

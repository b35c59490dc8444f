namespace TongkuangAlliance.Web.Authorization;

/// <summary>A member unit's own record.</summary>
public sealed record MemberUnitResource(int SubDistrictId, int MemberUnitId);

/// <summary>A member unit's record is changed by the sub-district committee, or by the unit itself.</summary>
public sealed class MemberUnitAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, MemberUnitResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, MemberUnitResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || requirement.Name != Operations.Update.Name) return Task.CompletedTask;

        var allowed = scope.Role switch
        {
            PortalRole.SubDistrictCommittee => scope.SubDistrictId == resource.SubDistrictId,
            PortalRole.PairedUnit => scope.MemberUnitId == resource.MemberUnitId,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

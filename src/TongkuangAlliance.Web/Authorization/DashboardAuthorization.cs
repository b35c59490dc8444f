namespace TongkuangAlliance.Web.Authorization;

/// <summary>Which dashboard: the whole sub-district (both null), one community's, or one member unit's.</summary>
public sealed record DashboardResource(int? CommunityId, int? UnitId)
{
    /// <summary>The user's own dashboard: the sub-district's whole one, a community committee's community, a unit's unit.</summary>
    public static DashboardResource Of(UserScope scope) => scope.Role switch
    {
        PortalRole.CommunityCommittee => new(scope.CommunityId, null),
        PortalRole.PairedUnit => new(null, scope.MemberUnitId),
        _ => new(null, null),
    };
}

public static class DashboardOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = $"{nameof(DashboardOperations)}.{nameof(View)}" };
}

/// <summary>
/// The sub-district opens every dashboard of its sub-district (the visibility queries keep the ids to it); a
/// community committee and a unit only their own. Grid workers and volunteers have none (ADR 0008).
/// </summary>
public sealed class DashboardAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, DashboardResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, DashboardResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || requirement.Name != DashboardOperations.View.Name) return Task.CompletedTask;
        var allowed = scope.Role switch
        {
            PortalRole.SubDistrictCommittee => true,
            PortalRole.CommunityCommittee or PortalRole.PairedUnit => resource == DashboardResource.Of(scope),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

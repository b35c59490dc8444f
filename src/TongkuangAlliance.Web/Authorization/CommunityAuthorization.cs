namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of a record that decides who may change it: the community it belongs to. Controllers build
/// one from their projection, so no entity has to be loaded just to be authorized.
/// </summary>
public sealed record CommunityResource(int SubDistrictId, int CommunityId);

/// <summary>
/// Who may change what belongs to a community (its details, compounds, grids, buildings and their chiefs):
/// the sub-district committee of its sub-district, and the community's own committee. Paired units read only.
/// </summary>
public sealed class CommunityAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CommunityResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CommunityResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || requirement.Name != Operations.Update.Name) return Task.CompletedTask;

        var allowed = scope.Role switch
        {
            PortalRole.SubDistrictCommittee => scope.SubDistrictId == resource.SubDistrictId,
            PortalRole.CommunityCommittee => scope.CommunityId == resource.CommunityId,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

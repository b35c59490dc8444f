namespace TongkuangAlliance.Web.Authorization;

/// <summary>A pairing's lists: its sub-district, its community and its unit.</summary>
public sealed record PairingListResource(int SubDistrictId, int CommunityId, int MemberUnitId);

public static class PairingListOperations
{
    /// <summary>Add to the year's list of needs (what the community asks for).</summary>
    public static readonly OperationAuthorizationRequirement AddNeed = new() { Name = $"{nameof(PairingListOperations)}.{nameof(AddNeed)}" };

    /// <summary>Add to the year's list of resources (what the unit offers).</summary>
    public static readonly OperationAuthorizationRequirement AddResource = new() { Name = $"{nameof(PairingListOperations)}.{nameof(AddResource)}" };

    public static readonly OperationAuthorizationRequirement CreateProject = new() { Name = $"{nameof(PairingListOperations)}.{nameof(CreateProject)}" };
}

/// <summary>
/// The sub-district writes every list of its pairings; the pairing's community its needs and projects; the
/// pairing's unit its resources and projects.
/// </summary>
public sealed class PairingListAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PairingListResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PairingListResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || scope.SubDistrictId != resource.SubDistrictId) return Task.CompletedTask;
        var name = requirement.Name;
        var allowed = scope.Role switch
        {
            PortalRole.SubDistrictCommittee => name == PairingListOperations.AddNeed.Name || name == PairingListOperations.AddResource.Name
                || name == PairingListOperations.CreateProject.Name,
            PortalRole.CommunityCommittee => scope.CommunityId == resource.CommunityId
                && (name == PairingListOperations.AddNeed.Name || name == PairingListOperations.CreateProject.Name),
            PortalRole.PairedUnit => scope.MemberUnitId == resource.MemberUnitId
                && (name == PairingListOperations.AddResource.Name || name == PairingListOperations.CreateProject.Name),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

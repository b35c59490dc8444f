namespace TongkuangAlliance.Web.Authorization;

/// <summary>Whose supervised work (我的承诺): one member unit's or one community's. Both null: nobody's in particular.</summary>
public sealed record WorkOwnerResource(int? UnitId, int? CommunityId)
{
    /// <summary>The owner a user reports work as: a unit its unit, a community committee its community; the sub-district owns none.</summary>
    public static WorkOwnerResource Of(UserScope scope) => scope.Role switch
    {
        PortalRole.PairedUnit => new(scope.MemberUnitId, null),
        PortalRole.CommunityCommittee => new(null, scope.CommunityId),
        _ => new(null, null),
    };
}

public static class WorkOwnerOperations
{
    /// <summary>Open the owner's list of commitments.</summary>
    public static readonly OperationAuthorizationRequirement ViewCommitments = new() { Name = $"{nameof(WorkOwnerOperations)}.{nameof(ViewCommitments)}" };
}

/// <summary>
/// The sub-district opens any unit's commitments (its visibility query keeps it to its own sub-district); a unit or
/// a community only its own.
/// </summary>
public sealed class WorkOwnerAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, WorkOwnerResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WorkOwnerResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || requirement.Name != WorkOwnerOperations.ViewCommitments.Name) return Task.CompletedTask;
        var allowed = scope.Role switch
        {
            PortalRole.SubDistrictCommittee => resource is { UnitId: not null, CommunityId: null },
            PortalRole.PairedUnit or PortalRole.CommunityCommittee => resource == WorkOwnerResource.Of(scope) && resource != new WorkOwnerResource(null, null),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

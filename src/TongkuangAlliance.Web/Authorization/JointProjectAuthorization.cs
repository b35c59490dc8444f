using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>A joint project's pairing (its sub-district, community and unit) and the side of it that owns the project.</summary>
public sealed record JointProjectResource(int SubDistrictId, int CommunityId, int MemberUnitId, PairingSide OwnerSide);

public static class JointProjectOperations
{
    /// <summary>Report progress (100 % completes the project).</summary>
    public static readonly OperationAuthorizationRequirement UpdateProgress = new() { Name = $"{nameof(JointProjectOperations)}.{nameof(UpdateProgress)}" };

    /// <summary>Refuse the work as reported, with a comment the owner must answer.</summary>
    public static readonly OperationAuthorizationRequirement SendBack = new() { Name = $"{nameof(JointProjectOperations)}.{nameof(SendBack)}" };
}

/// <summary>
/// 督办 of a joint project: only its owner reports progress — the pairing's community when the community side owns
/// it, the pairing's unit when the unit side does; only the sub-district of the pairing sends it back.
/// </summary>
public sealed class JointProjectAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, JointProjectResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, JointProjectResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || scope.SubDistrictId != resource.SubDistrictId) return Task.CompletedTask;
        var allowed = requirement.Name switch
        {
            var n when n == JointProjectOperations.UpdateProgress.Name => scope.Role switch
            {
                PortalRole.CommunityCommittee => resource.OwnerSide == PairingSide.Community && scope.CommunityId == resource.CommunityId,
                PortalRole.PairedUnit => resource.OwnerSide == PairingSide.Unit && scope.MemberUnitId == resource.MemberUnitId,
                _ => false,
            },
            var n when n == JointProjectOperations.SendBack.Name => scope.Role == PortalRole.SubDistrictCommittee,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

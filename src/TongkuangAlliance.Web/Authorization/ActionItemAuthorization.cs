namespace TongkuangAlliance.Web.Authorization;

/// <summary>An action item's meeting's sub-district and its owner: one unit or one community.</summary>
public sealed record ActionItemResource(int SubDistrictId, int? OwnerUnitId, int? OwnerCommunityId);

public static class ActionItemOperations
{
    /// <summary>Report progress (100 % completes the item).</summary>
    public static readonly OperationAuthorizationRequirement UpdateProgress = new() { Name = $"{nameof(ActionItemOperations)}.{nameof(UpdateProgress)}" };

    /// <summary>Refuse the work as reported, with a comment the owner must answer.</summary>
    public static readonly OperationAuthorizationRequirement SendBack = new() { Name = $"{nameof(ActionItemOperations)}.{nameof(SendBack)}" };
}

/// <summary>
/// 督办 of a meeting's action item: only its owner (the unit or the community it was assigned to) reports progress;
/// only the sub-district of the meeting sends it back.
/// </summary>
public sealed class ActionItemAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ActionItemResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ActionItemResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || scope.SubDistrictId != resource.SubDistrictId) return Task.CompletedTask;
        var allowed = requirement.Name switch
        {
            var n when n == ActionItemOperations.UpdateProgress.Name => scope.Role switch
            {
                PortalRole.CommunityCommittee => resource.OwnerCommunityId is { } c && c == scope.CommunityId,
                PortalRole.PairedUnit => resource.OwnerUnitId is { } u && u == scope.MemberUnitId,
                _ => false,
            },
            var n when n == ActionItemOperations.SendBack.Name => scope.Role == PortalRole.SubDistrictCommittee,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

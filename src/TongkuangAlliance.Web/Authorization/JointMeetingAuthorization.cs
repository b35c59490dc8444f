namespace TongkuangAlliance.Web.Authorization;

/// <summary>What decides who records a joint meeting's decisions: its sub-district and the community that convened it (if one did).</summary>
public sealed record JointMeetingResource(int SubDistrictId, int? ConvenerCommunityId);

public static class JointMeetingOperations
{
    /// <summary>Add a decision and its action item to the meeting.</summary>
    public static readonly OperationAuthorizationRequirement RecordDecisions = new() { Name = $"{nameof(JointMeetingOperations)}.{nameof(RecordDecisions)}" };

    /// <summary>
    /// The community a new meeting is convened by: a community committee convenes as its own community (and
    /// attends); the sub-district convenes as itself (null).
    /// </summary>
    public static int? ConvenerCommunityOf(UserScope scope) => scope.Role == PortalRole.CommunityCommittee ? scope.CommunityId : null;
}

/// <summary>
/// The sub-district records decisions of any meeting of its sub-district; a community only of the meetings it
/// convened. Units and grid workers never record (they read the meetings they attended or owe work to).
/// </summary>
public sealed class JointMeetingAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, JointMeetingResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, JointMeetingResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || scope.SubDistrictId != resource.SubDistrictId) return Task.CompletedTask;
        var allowed = requirement.Name == JointMeetingOperations.RecordDecisions.Name && scope.Role switch
        {
            PortalRole.SubDistrictCommittee => true,
            PortalRole.CommunityCommittee => resource.ConvenerCommunityId is { } convener && convener == scope.CommunityId,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// Who may act on an activity (issue 4). The committees run the calendar: the sub-district committee in every
/// community of its sub-district, a community committee in its own community — scheduling, editing, cancelling,
/// results and difficulties, the volunteers and the feed. A paired unit confirms its participation where it is
/// invited. Grid workers and volunteers read (as <c>VisibleTo</c> lets them) and do nothing here.
/// </summary>
public sealed class ActivityAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ActivityResource>
{
    private static readonly HashSet<string> CommitteeWork =
    [
        ActivityOperations.Schedule.Name, ActivityOperations.Edit.Name, ActivityOperations.Cancel.Name, ActivityOperations.RecordResults.Name,
        ActivityOperations.SeeResidents.Name, ActivityOperations.ManageVolunteers.Name, ActivityOperations.RegenerateFeed.Name,
    ];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ActivityResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null) return Task.CompletedTask;

        var allowed = requirement.Name == ActivityOperations.ConfirmParticipation.Name
            ? scope.Role == PortalRole.PairedUnit && scope.MemberUnitId is { } unit && resource.InvitedUnitIds.Contains(unit)
            : CommitteeWork.Contains(requirement.Name) && scope.Role switch
            {
                PortalRole.SubDistrictCommittee => scope.SubDistrictId == resource.SubDistrictId,
                PortalRole.CommunityCommittee => scope.CommunityId == resource.CommunityId,
                _ => false,
            };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

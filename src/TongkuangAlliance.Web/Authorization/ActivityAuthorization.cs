namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of an activity that decides who may act on it: its community (and that community's sub-district) and
/// the member units invited to take part. <see cref="ForCommunity"/> stands for a community's calendar as a whole
/// (scheduling in it, its iCalendar feed), before any activity exists.
/// </summary>
public sealed record ActivityResource(int SubDistrictId, int CommunityId, IReadOnlyCollection<int> InvitedUnitIds)
{
    public static ActivityResource ForCommunity(int subDistrictId, int communityId) => new(subDistrictId, communityId, []);
}

/// <summary>What may be done to an activity (or a community's calendar), decided by <see cref="ActivityAuthorizationHandler"/>.</summary>
public static class ActivityOperations
{
    /// <summary>Schedule an activity in the community (a new one, or a copy of this one).</summary>
    public static readonly OperationAuthorizationRequirement Schedule = new() { Name = Names.Schedule };

    public static readonly OperationAuthorizationRequirement Edit = new() { Name = Names.Edit };

    public static readonly OperationAuthorizationRequirement Cancel = new() { Name = Names.Cancel };

    /// <summary>Record results, collect residents' difficulties and raise a case from one.</summary>
    public static readonly OperationAuthorizationRequirement RecordResults = new() { Name = Names.RecordResults };

    /// <summary>Read the names and phones of the residents whose difficulties were collected, and the cases raised.</summary>
    public static readonly OperationAuthorizationRequirement SeeResidents = new() { Name = Names.SeeResidents };

    /// <summary>Sign volunteers up, withdraw them, check them in at the desk, correct check-ins, show the QR code.</summary>
    public static readonly OperationAuthorizationRequirement ManageVolunteers = new() { Name = Names.ManageVolunteers };

    /// <summary>Confirm the participation of the user's own unit (and say what it brings): invited units only.</summary>
    public static readonly OperationAuthorizationRequirement ConfirmParticipation = new() { Name = Names.ConfirmParticipation };

    /// <summary>Create or replace the community's iCalendar feed token.</summary>
    public static readonly OperationAuthorizationRequirement RegenerateFeed = new() { Name = Names.RegenerateFeed };

    /// <summary>The operations' names (constants, so that no resource-key scan mistakes them for texts).</summary>
    public static class Names
    {
        public const string Schedule = "Activity.Schedule";
        public const string Edit = "Activity.Edit";
        public const string Cancel = "Activity.Cancel";
        public const string RecordResults = "Activity.RecordResults";
        public const string SeeResidents = "Activity.SeeResidents";
        public const string ManageVolunteers = "Activity.ManageVolunteers";
        public const string ConfirmParticipation = "Activity.ConfirmParticipation";
        public const string RegenerateFeed = "Activity.RegenerateFeed";
    }
}

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

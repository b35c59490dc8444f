using System.Security.Claims;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of a case that decides who may do what to it: where it is (sub-district, community, grid), who handles
/// it and whether the sub-district took it over. For intake, the place a new case is to be registered.
/// </summary>
public sealed record CaseResource(int SubDistrictId, int CommunityId, int? GridId, string? HandlerUserId = null, bool TakenOverBySubDistrict = false)
{
    /// <summary>A loaded case; its <see cref="Case.Community"/> must be loaded too (for the sub-district).</summary>
    public static CaseResource Of(Case kase) =>
        new(kase.Community?.SubDistrictId ?? throw new InvalidOperationException("Load the case's community to authorize it."),
            kase.CommunityId, kase.GridId, kase.HandlerUserId, kase.TakenOverBySubDistrict);
}

/// <summary>
/// What may be done to a case, decided by <see cref="CaseAuthorizationHandler"/>: one operation per step of
/// <see cref="CaseStep"/> (<see cref="For"/>), and seeing the mediation content, printing the agreement, registering.
/// </summary>
public static class CaseOperations
{
    public const string Prefix = "Case.";

    public static readonly OperationAuthorizationRequirement View = Op(nameof(View));

    /// <summary>A new case in a place (community, grid).</summary>
    public static readonly OperationAuthorizationRequirement Register = Op(nameof(Register));

    /// <summary>Sessions' attendees, minutes and outcome (the timeline's session summaries too).</summary>
    public static readonly OperationAuthorizationRequirement SeeMediationContent = Op(nameof(SeeMediationContent));

    public static readonly OperationAuthorizationRequirement PrintAgreement = Op(nameof(PrintAgreement));

    /// <summary>Shows the reporter's or a party's whole phone number (logged).</summary>
    public static readonly OperationAuthorizationRequirement RevealPhone = Op(nameof(RevealPhone));

    public static readonly OperationAuthorizationRequirement Edit = Op(nameof(Edit));
    public static readonly OperationAuthorizationRequirement Accept = Op(nameof(Accept));
    public static readonly OperationAuthorizationRequirement StartMediation = Op(nameof(StartMediation));
    public static readonly OperationAuthorizationRequirement AddParty = Op(nameof(AddParty));
    public static readonly OperationAuthorizationRequirement RecordSession = Op(nameof(RecordSession));
    public static readonly OperationAuthorizationRequirement AddTerm = Op(nameof(AddTerm));
    public static readonly OperationAuthorizationRequirement FulfilTerm = Op(nameof(FulfilTerm));
    public static readonly OperationAuthorizationRequirement Resolve = Op(nameof(Resolve));
    public static readonly OperationAuthorizationRequirement FollowUp = Op(nameof(FollowUp));
    public static readonly OperationAuthorizationRequirement Close = Op(nameof(Close));
    public static readonly OperationAuthorizationRequirement CloseEarly = Op(nameof(CloseEarly));
    public static readonly OperationAuthorizationRequirement Escalate = Op(nameof(Escalate));
    public static readonly OperationAuthorizationRequirement TakeOver = Op(nameof(TakeOver));
    public static readonly OperationAuthorizationRequirement HandBack = Op(nameof(HandBack));
    public static readonly OperationAuthorizationRequirement Reopen = Op(nameof(Reopen));
    public static readonly OperationAuthorizationRequirement AddNote = Op(nameof(AddNote));

    /// <summary>Correction: withdraw a term entered by mistake.</summary>
    public static readonly OperationAuthorizationRequirement WithdrawTerm = Op(nameof(WithdrawTerm));

    /// <summary>Correction: remove a party added by mistake.</summary>
    public static readonly OperationAuthorizationRequirement RemoveParty = Op(nameof(RemoveParty));

    /// <summary>Correction: give an accepted case to another handler.</summary>
    public static readonly OperationAuthorizationRequirement ChangeHandler = Op(nameof(ChangeHandler));

    private static readonly Dictionary<CaseStep, OperationAuthorizationRequirement> ByStep = new()
    {
        [CaseStep.Edit] = Edit,
        [CaseStep.Accept] = Accept,
        [CaseStep.StartMediation] = StartMediation,
        [CaseStep.AddParty] = AddParty,
        [CaseStep.RecordSession] = RecordSession,
        [CaseStep.AddTerm] = AddTerm,
        [CaseStep.FulfilTerm] = FulfilTerm,
        [CaseStep.Resolve] = Resolve,
        [CaseStep.FollowUp] = FollowUp,
        [CaseStep.Close] = Close,
        [CaseStep.CloseEarly] = CloseEarly,
        [CaseStep.Escalate] = Escalate,
        [CaseStep.TakeOver] = TakeOver,
        [CaseStep.HandBack] = HandBack,
        [CaseStep.Reopen] = Reopen,
        [CaseStep.AddNote] = AddNote,
        [CaseStep.WithdrawTerm] = WithdrawTerm,
        [CaseStep.RemoveParty] = RemoveParty,
        [CaseStep.ChangeHandler] = ChangeHandler,
    };

    /// <summary>The operation that takes <paramref name="step"/>.</summary>
    public static OperationAuthorizationRequirement For(CaseStep step) => ByStep[step];

    private static OperationAuthorizationRequirement Op(string name) => new() { Name = Prefix + name };
}

/// <summary>
/// Who may do what to a case (<see cref="CaseOperations"/>). Its workers are those who see it
/// (<c>VisibleTo</c>): the sub-district committee of its sub-district, its community's committee, and the grid workers
/// of its grid. On top of that:
/// <list type="bullet">
/// <item>mediation content (and recording a session) is for the committees; a grid worker sees it only while it is the
/// case's handler itself;</item>
/// <item>printing the agreement is for the committees;</item>
/// <item>taking over and handing back are the sub-district's;</item>
/// <item>changing the handler is the committees' — once the sub-district took the case over, the sub-district's only.</item>
/// </list>
/// Every other step is open to all of the case's workers (what the case's state allows is the case's own question:
/// <c>Case.AvailableSteps()</c>).
/// </summary>
public sealed class CaseAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CaseResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CaseResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is not null && requirement.Name.StartsWith(CaseOperations.Prefix, StringComparison.Ordinal)
            && Allows(scope, context.User.FindFirstValue(ClaimTypes.NameIdentifier), requirement.Name, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool Allows(UserScope scope, string? me, string operation, CaseResource kase)
    {
        var subDistrict = scope.Role == PortalRole.SubDistrictCommittee && scope.SubDistrictId == kase.SubDistrictId;
        var community = scope.Role == PortalRole.CommunityCommittee && scope.CommunityId == kase.CommunityId;
        var gridWorker = scope.Role == PortalRole.GridWorker && scope.CommunityId == kase.CommunityId
                         && kase.GridId is { } grid && scope.GridIds.Contains(grid);
        var committee = subDistrict || community;
        var handler = me is not null && kase.HandlerUserId == me;

        if (operation == CaseOperations.SeeMediationContent.Name || operation == CaseOperations.RecordSession.Name)
            return committee || (gridWorker && handler);
        if (operation == CaseOperations.PrintAgreement.Name) return committee;
        if (operation == CaseOperations.TakeOver.Name || operation == CaseOperations.HandBack.Name) return subDistrict;
        if (operation == CaseOperations.ChangeHandler.Name) return subDistrict || (community && !kase.TakenOverBySubDistrict);
        return committee || gridWorker;
    }
}

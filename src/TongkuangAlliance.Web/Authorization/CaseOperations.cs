namespace TongkuangAlliance.Web.Authorization;

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

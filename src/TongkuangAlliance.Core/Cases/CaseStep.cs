namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// What can be done to a case, one per step method of <see cref="Case"/>. <see cref="Case.AvailableSteps"/> says which
/// ones its current state allows; who may take them is the Web's case handler's question, not the case's.
/// </summary>
public enum CaseStep
{
    /// <summary><see cref="Case.UpdateDetails"/>.</summary>
    Edit = 1,
    Accept,
    StartMediation,
    AddParty,
    RecordSession,
    AddTerm,

    /// <summary><see cref="Case.MarkTermFulfilled(AgreementTerm, DateOnly, string?, DateTime, string?)"/>.</summary>
    FulfilTerm,
    Resolve,

    /// <summary><see cref="Case.RecordFollowUp"/>.</summary>
    FollowUp,
    Close,
    CloseEarly,
    Escalate,
    TakeOver,
    HandBack,
    Reopen,

    /// <summary><see cref="Case.AddProgressNote"/>.</summary>
    AddNote,
    WithdrawTerm,
    RemoveParty,

    /// <summary><see cref="Case.AssignHandler"/>.</summary>
    ChangeHandler,
}

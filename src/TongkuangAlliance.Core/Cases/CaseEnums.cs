namespace TongkuangAlliance.Core.Cases;

// Every enum here is stored by name (string columns) and shown through the resource key "<EnumName>.<Member>".

/// <summary>矛盾纠纷 or 群众诉求/困难.</summary>
public enum CaseKind
{
    Dispute = 1,
    Request = 2,
}

/// <summary>How the case reached the centre.</summary>
public enum CaseSource
{
    WalkIn = 1,
    Phone = 2,
    GridReport = 3,
    ServiceDay = 4,
    PoliceReferral = 5,
    CourtReferral = 6,
    HotlineReferral = 7,
    ResidentOnline = 8,
}

public enum CaseUrgency
{
    Normal = 1,
    Urgent = 2,
    Critical = 3,
}

/// <summary>
/// registered → accepted → in mediation → resolved → followed up → closed. An early close also ends in
/// <see cref="Closed"/>, with <see cref="Case.CloseKind"/> set.
/// </summary>
public enum CaseStatus
{
    Registered = 1,
    Accepted = 2,
    InMediation = 3,
    Resolved = 4,
    FollowedUp = 5,
    Closed = 6,
}

public enum CaseResolution
{
    AgreementReached = 1,
    ResolvedWithoutAgreement = 2,
}

/// <summary>Why a case was closed before it was resolved.</summary>
public enum CaseCloseKind
{
    Duplicate = 1,
    Withdrawn = 2,
    ReferredElsewhere = 3,

    /// <summary>调解不成: the parties did not settle; they were told of the other routes (人民调解法 art. 26).</summary>
    MediationFailed = 4,
}

public enum CasePartyKind
{
    Resident = 1,
    MemberUnit = 2,
    OutsideOrganisation = 3,
}

/// <summary>性别 of a resident party.</summary>
public enum PartyGender
{
    Male = 1,
    Female = 2,
}

public enum CasePartyRole
{
    Complainant = 1,
    Respondent = 2,
    ResponsibleUnit = 3,
}

public enum AgreementTermKind
{
    Repair = 1,
    Compensation = 2,
    SafetyMeasure = 3,
    Apology = 4,
    Other = 5,
}

/// <summary>
/// Stored status of a term; "overdue" is derived from the due date (<see cref="AgreementTerm.IsOverdue"/>).
/// A withdrawn term (entered by mistake, <see cref="Case.WithdrawTerm(int, string, DateTime, string?)"/>) stays stored
/// but is no part of the agreement: not printed, not owed, never pending or overdue.
/// </summary>
public enum AgreementTermStatus
{
    Pending = 1,
    Fulfilled = 2,
    Withdrawn = 3,
}

public enum FollowUpMethod
{
    Phone = 1,
    Visit = 2,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

public enum CaseEventKind
{
    Registered = 1,
    Accepted = 2,
    MediationStarted = 3,
    SessionRecorded = 4,
    TermAdded = 5,
    TermFulfilled = 6,
    Resolved = 7,
    FollowedUp = 8,
    Reopened = 9,
    Escalated = 10,
    TakenOver = 11,
    HandedBack = 12,
    ClosedEarly = 13,
    Closed = 14,
    Note = 15,
    Edited = 16,
    PartyAdded = 17,
    HandlerChanged = 18,
    TermWithdrawn = 19,
    PartyRemoved = 20,
    PartyUpdated = 21,
}

using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// The case's state as a mediator says it (issue 18): the one vocabulary every status word, badge, list, filter,
/// dashboard and export uses. It is derived from the stored <see cref="CaseStatus"/>, the resolution, the early-close
/// kind and whether agreed terms are still owed; shown through the resource key "CaseState.&lt;Member&gt;".
/// </summary>
public enum CaseState
{
    /// <summary>已登记: waiting to be accepted.</summary>
    Registered = 1,

    /// <summary>已受理.</summary>
    Accepted = 2,

    /// <summary>调解中 (办理中).</summary>
    InMediation = 3,

    /// <summary>履行中: resolved (or followed up) while agreed terms are still owed.</summary>
    Performing = 4,

    /// <summary>调解成功: resolved with an agreement, nothing owed.</summary>
    Succeeded = 5,

    /// <summary>已化解: resolved without an agreement.</summary>
    ResolvedWithoutAgreement = 6,

    /// <summary>已回访: resolved, followed up, nothing owed, not yet closed.</summary>
    FollowedUp = 7,

    /// <summary>调解不成: mediation ended without settling the dispute (the case is closed, art. 26).</summary>
    Failed = 8,

    /// <summary>已结案.</summary>
    Closed = 9,
}

public static class CaseStates
{
    /// <summary>The state of a case from what is stored. <paramref name="termsOwed"/>: a pending (not withdrawn) term exists.</summary>
    public static CaseState Of(CaseStatus status, CaseResolution? resolution, CaseCloseKind? closeKind, bool termsOwed) => status switch
    {
        CaseStatus.Registered => CaseState.Registered,
        CaseStatus.Accepted => CaseState.Accepted,
        CaseStatus.InMediation => CaseState.InMediation,
        CaseStatus.Resolved or CaseStatus.FollowedUp when termsOwed => CaseState.Performing,
        CaseStatus.Resolved when resolution == CaseResolution.ResolvedWithoutAgreement => CaseState.ResolvedWithoutAgreement,
        CaseStatus.Resolved => CaseState.Succeeded,
        CaseStatus.FollowedUp => CaseState.FollowedUp,
        _ when closeKind == CaseCloseKind.MediationFailed => CaseState.Failed,
        _ => CaseState.Closed,
    };

    public static CaseState StateOf(this Case kase) =>
        Of(kase.Status, kase.Resolution, kase.CloseKind, kase.Terms.Any(t => t.Status == AgreementTermStatus.Pending));

    /// <summary>Whether a case in this state is closed (not in any "未结案件" list).</summary>
    public static bool IsClosed(CaseState state) => state is CaseState.Closed or CaseState.Failed;

    /// <summary>The cases in one state, as a query filter (the list's state filter).</summary>
    public static Expression<Func<Case, bool>> Is(CaseState state) => state switch
    {
        CaseState.Registered => c => c.Status == CaseStatus.Registered,
        CaseState.Accepted => c => c.Status == CaseStatus.Accepted,
        CaseState.InMediation => c => c.Status == CaseStatus.InMediation,
        CaseState.Performing => c => (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.FollowedUp)
            && c.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
        CaseState.Succeeded => c => c.Status == CaseStatus.Resolved && c.Resolution != CaseResolution.ResolvedWithoutAgreement
            && !c.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
        CaseState.ResolvedWithoutAgreement => c => c.Status == CaseStatus.Resolved && c.Resolution == CaseResolution.ResolvedWithoutAgreement
            && !c.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
        CaseState.FollowedUp => c => c.Status == CaseStatus.FollowedUp && !c.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
        CaseState.Failed => c => c.Status == CaseStatus.Closed && c.CloseKind == CaseCloseKind.MediationFailed,
        _ => c => c.Status == CaseStatus.Closed && (c.CloseKind == null || c.CloseKind != CaseCloseKind.MediationFailed),
    };

    /// <summary>Cases not closed: exactly what "未结案件" lists and the grid workers' queues hold.</summary>
    public static Expression<Func<Case, bool>> NotClosed { get; } = c => c.Status != CaseStatus.Closed;
}

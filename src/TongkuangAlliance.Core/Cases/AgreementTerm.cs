using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// 协议条款: one obligation of one party of the case, with a due date. Added through
/// <see cref="Case.AddTerm(CaseParty, AgreementTermKind, string, decimal?, DateOnly, DateTime, string?)"/>;
/// fulfilled through <see cref="Case.MarkTermFulfilled(AgreementTerm, DateOnly, string, DateTime, string?)"/>
/// (or <see cref="MarkFulfilled"/> when the case is loaded with it).
/// </summary>
public class AgreementTerm : AuditableEntity
{
    private AgreementTerm() { }

    internal AgreementTerm(Case kase, CaseParty obligatedParty, AgreementTermKind kind, string description, decimal? amount, DateOnly dueDate)
    {
        Case = kase;
        ObligatedParty = obligatedParty;
        Kind = kind;
        Description = description;
        Amount = amount;
        DueDate = dueDate;
        Status = AgreementTermStatus.Pending;
    }

    public int CaseId { get; private set; }
    public Case? Case { get; private set; }
    public int ObligatedPartyId { get; private set; }
    public CaseParty? ObligatedParty { get; private set; }
    public AgreementTermKind Kind { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>Yuan, two decimals; required for compensation, otherwise optional; never zero or negative.</summary>
    public decimal? Amount { get; private set; }
    public DateOnly DueDate { get; private set; }
    public AgreementTermStatus Status { get; private set; }
    public DateOnly? FulfilledOn { get; private set; }
    public string? ProofNote { get; private set; }

    /// <summary>When the term was withdrawn as entered by mistake (<see cref="AgreementTermStatus.Withdrawn"/>).</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }

    /// <summary>Why it was withdrawn (required), shown beside the struck-through term on the case page.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Part of the agreement: pending or fulfilled, not withdrawn.</summary>
    public bool IsInForce => Status != AgreementTermStatus.Withdrawn;

    /// <summary><see cref="IsInForce"/> for queries (the printable agreement, the terms list).</summary>
    public static Expression<Func<AgreementTerm, bool>> InForce => t => t.Status != AgreementTermStatus.Withdrawn;

    /// <summary>Pending after its due date (China calendar day).</summary>
    public bool IsOverdue(DateOnly today) => Status == AgreementTermStatus.Pending && DueDate < today;

    /// <summary>The same rule as <see cref="IsOverdue"/>, for queries.</summary>
    public static Expression<Func<AgreementTerm, bool>> OverdueOn(DateOnly today) =>
        t => t.Status == AgreementTermStatus.Pending && t.DueDate < today;

    /// <summary>Marks this term fulfilled through its case (which must be loaded: the case records the event).</summary>
    public void MarkFulfilled(DateOnly fulfilledOn, string? proofNote, DateTime nowUtc, string? userId)
    {
        if (Case is null) throw new InvalidOperationException("Load the term with its case (Include(t => t.Case)) before marking it fulfilled.");
        Case.MarkTermFulfilled(this, fulfilledOn, proofNote, nowUtc, userId);
    }

    internal void Fulfil(DateOnly fulfilledOn, string proofNote)
    {
        Status = AgreementTermStatus.Fulfilled;
        FulfilledOn = fulfilledOn;
        ProofNote = proofNote;
    }

    internal void Withdraw(DateTime nowUtc, string reason)
    {
        Status = AgreementTermStatus.Withdrawn;
        WithdrawnAtUtc = nowUtc;
        WithdrawalReason = reason;
    }
}

namespace TongkuangAlliance.Core.Cases;

/// <summary>回访: contact with the resident after resolution. Recorded through <see cref="Case.RecordFollowUp"/>.</summary>
public class FollowUp : AuditableEntity
{
    private FollowUp() { }

    internal FollowUp(Case kase, DateOnly date, FollowUpMethod method, Satisfaction satisfaction, bool? agreementHonoured, string? note)
    {
        Case = kase;
        Date = date;
        Method = method;
        Satisfaction = satisfaction;
        AgreementHonoured = agreementHonoured;
        Note = note;
    }

    public int CaseId { get; private set; }
    public Case? Case { get; private set; }
    public DateOnly Date { get; private set; }
    public FollowUpMethod Method { get; private set; }
    public Satisfaction Satisfaction { get; private set; }

    /// <summary>Whether the agreement was honoured; null when the case was resolved without an agreement.</summary>
    public bool? AgreementHonoured { get; private set; }
    public string? Note { get; private set; }

    /// <summary>A follow-up that sends the case back to mediation.</summary>
    public bool CallsForReopening => Satisfaction == Satisfaction.Dissatisfied || AgreementHonoured == false;
}

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// One entry of a case's timeline: who did what, when, with the essentials in <see cref="Summary"/>
/// (user text and figures, phone numbers masked). Appended by the case's methods, never changed or deleted;
/// the audit table additionally keeps every field's before and after.
/// </summary>
public class CaseEvent
{
    private CaseEvent() { }

    internal CaseEvent(Case kase, DateTime atUtc, string? userId, CaseEventKind kind, string summary)
    {
        Case = kase;
        AtUtc = atUtc;
        UserId = userId;
        Kind = kind;
        Summary = summary;
    }

    public long Id { get; private set; }
    public int CaseId { get; private set; }
    public Case? Case { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public CaseEventKind Kind { get; private set; }

    /// <summary>Language-neutral essentials (names, dates, amounts, the user's own words); may be empty.</summary>
    public string Summary { get; private set; } = "";
}

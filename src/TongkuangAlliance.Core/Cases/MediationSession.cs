namespace TongkuangAlliance.Core.Cases;

/// <summary>调解会: a meeting convened on a case. Recorded through <see cref="Case.RecordSession"/>.</summary>
public class MediationSession : AuditableEntity
{
    private MediationSession() { }

    internal MediationSession(Case kase, DateTime heldAtUtc, string place, string convenedBy, string attendees, string? minutes, string? outcome)
    {
        Case = kase;
        HeldAtUtc = heldAtUtc;
        Place = place;
        ConvenedBy = convenedBy;
        Attendees = attendees;
        Minutes = minutes;
        Outcome = outcome;
    }

    public int CaseId { get; private set; }
    public Case? Case { get; private set; }
    public DateTime HeldAtUtc { get; private set; }
    public string Place { get; private set; } = "";

    /// <summary>Who convened it, e.g. 南区社区党委.</summary>
    public string ConvenedBy { get; private set; } = "";

    /// <summary>Who attended: parties, units' representatives, mediators (free text).</summary>
    public string Attendees { get; private set; } = "";
    public string? Minutes { get; private set; }
    public string? Outcome { get; private set; }
}

using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// A party to a case: a resident, an alliance member unit or an outside organisation, in a role
/// (complainant, respondent, responsible unit). Added through <see cref="Case.AddParty"/>.
/// </summary>
public class CaseParty : AuditableEntity
{
    private CaseParty() { }

    internal CaseParty(Case kase, CasePartyKind kind, string name, string? phone, int? memberUnitId, CasePartyRole role)
    {
        Case = kase;
        Kind = kind;
        Name = name;
        Phone = phone;
        MemberUnitId = memberUnitId;
        Role = role;
    }

    public int CaseId { get; private set; }
    public Case? Case { get; private set; }
    public CasePartyKind Kind { get; private set; }

    /// <summary>The resident's or organisation's name; for a member unit, the unit's name when it was added.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Residents only; personal data (masked in lists).</summary>
    public string? Phone { get; private set; }

    /// <summary>Set exactly when <see cref="Kind"/> is <see cref="CasePartyKind.MemberUnit"/>: the unit sees the terms it owes.</summary>
    public int? MemberUnitId { get; private set; }
    public MemberUnit? MemberUnit { get; private set; }
    public CasePartyRole Role { get; private set; }

    /// <summary>
    /// When the party was taken off the case as added by mistake (<see cref="Case.RemoveParty(int, string, DateTime, string?)"/>).
    /// It stays stored (and on the case page, marked removed) but is no party to the agreement.
    /// </summary>
    public DateTime? RemovedAtUtc { get; private set; }

    /// <summary>Why it was removed (required).</summary>
    public string? RemovalReason { get; private set; }

    public bool IsRemoved => RemovedAtUtc is not null;

    /// <summary>Not removed, for queries (the printable agreement's parties and signature lines).</summary>
    public static Expression<Func<CaseParty, bool>> Present => p => p.RemovedAtUtc == null;

    internal void Remove(DateTime nowUtc, string reason)
    {
        RemovedAtUtc = nowUtc;
        RemovalReason = reason;
    }
}

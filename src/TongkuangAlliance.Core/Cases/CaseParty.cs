using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Structure;

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
}

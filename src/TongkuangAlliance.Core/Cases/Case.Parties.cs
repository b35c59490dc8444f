namespace TongkuangAlliance.Core.Cases;

/// <summary>The parties to a case (当事人): residents, member units, outside organisations.</summary>
public partial class Case
{
    /// <summary>
    /// Adds a resident, member unit or outside organisation in a role, while the case is unresolved.
    /// A member unit needs <paramref name="memberUnitId"/> (and its name); only a resident may have a phone.
    /// </summary>
    public CaseParty AddParty(CasePartyKind kind, string? name, string? phone, int? memberUnitId, CasePartyRole role, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.AddParty);
        kind = CaseText.Choice(kind, nameof(CaseParty.Kind));
        role = CaseText.Choice(role, nameof(CaseParty.Role));
        var partyName = CaseText.Required(name, FieldLengths.Name, "Case.Party.NameRequired", nameof(CaseParty.Name));
        if (kind == CasePartyKind.MemberUnit)
        {
            if (memberUnitId is null or <= 0) throw new DomainException("Case.Party.MemberUnitRequired", nameof(CaseParty.MemberUnitId));
        }
        else if (memberUnitId is not null)
        {
            throw new DomainException("Case.Party.MemberUnitOnlyForUnits", nameof(CaseParty.MemberUnitId));
        }

        var partyPhone = CaseText.Optional(phone, FieldLengths.Phone, nameof(CaseParty.Phone));
        if (partyPhone is not null)
        {
            if (kind != CasePartyKind.Resident) throw new DomainException("Case.Party.PhoneOnlyForResidents", nameof(CaseParty.Phone));
            if (!ChinesePhone.IsValid(partyPhone)) throw new DomainException("Validation.Phone", nameof(CaseParty.Phone));
        }

        var duplicate = _parties.Any(p => !p.IsRemoved && p.Kind == kind && p.Role == role
            && (kind == CasePartyKind.MemberUnit ? p.MemberUnitId == memberUnitId : string.Equals(p.Name, partyName, StringComparison.Ordinal)));
        if (duplicate) throw new DomainException("Case.Party.Duplicate", nameof(CaseParty.Name));

        var party = new CaseParty(this, kind, partyName, partyPhone, memberUnitId, role);
        _parties.Add(party);
        Record(CaseEventKind.PartyAdded, nowUtc, userId, partyName);
        return party;
    }
}

namespace TongkuangAlliance.Core.Cases;

/// <summary>The parties to a case (当事人): residents, member units, outside organisations.</summary>
public partial class Case
{
    /// <summary>
    /// Adds a resident, member unit or outside organisation in a role, while the case is unresolved.
    /// A member unit needs <paramref name="memberUnitId"/> (and its name). The phone is a resident's own or an organisation's
    /// contact phone. The basic information (<paramref name="profile"/>) is checked against the kind; an ID number needs
    /// <paramref name="protector"/>.
    /// </summary>
    public CaseParty AddParty(CasePartyKind kind, string? name, string? phone, int? memberUnitId, CasePartyRole role, DateTime nowUtc, string? userId,
        CasePartyProfile? profile = null, IPersonalNumberProtector? protector = null)
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

        var partyPhone = CheckedPhone(phone);
        var info = (profile ?? CasePartyProfile.Empty).Checked(kind, CaseText.ChinaDate(nowUtc));

        var duplicate = _parties.Any(p => !p.IsRemoved && p.Kind == kind && p.Role == role
            && (kind == CasePartyKind.MemberUnit ? p.MemberUnitId == memberUnitId : string.Equals(p.Name, partyName, StringComparison.Ordinal)));
        if (duplicate) throw new DomainException("Case.Party.Duplicate", nameof(CaseParty.Name));

        var party = new CaseParty(this, kind, partyName, partyPhone, memberUnitId, role);
        party.Apply(info, protector);
        _parties.Add(party);
        Record(CaseEventKind.PartyAdded, nowUtc, userId, partyName);
        return party;
    }

    /// <summary>
    /// Completes or corrects a party's basic information while the case is not closed (the agreement prints it). A member
    /// unit keeps its unit's name; an empty phone or ID number keeps the stored one.
    /// </summary>
    public void UpdateParty(int partyId, string? name, string? phone, CasePartyProfile profile, DateTime nowUtc, string? userId, IPersonalNumberProtector? protector = null)
    {
        Require(CaseStep.Edit);
        var party = _parties.SingleOrDefault(p => p.Id == partyId && !p.IsRemoved) ?? throw new DomainException("Case.Party.NotFound", "PartyId");
        var partyName = party.Kind == CasePartyKind.MemberUnit
            ? party.Name
            : CaseText.Required(name, FieldLengths.Name, "Case.Party.NameRequired", nameof(CaseParty.Name));
        var partyPhone = CheckedPhone(phone) ?? party.Phone;
        var info = profile.Checked(party.Kind, CaseText.ChinaDate(nowUtc));
        party.Rename(partyName, partyPhone);
        party.Apply(info, protector);
        Record(CaseEventKind.PartyUpdated, nowUtc, userId, partyName);
    }

    private static string? CheckedPhone(string? phone)
    {
        var partyPhone = CaseText.Optional(phone, FieldLengths.Phone, nameof(CaseParty.Phone));
        if (partyPhone is not null && !ChinesePhone.IsValid(partyPhone)) throw new DomainException("Validation.Phone", nameof(CaseParty.Phone));
        return partyPhone;
    }
}

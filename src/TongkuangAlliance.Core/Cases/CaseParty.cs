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

    /// <summary>A resident's phone, or an organisation's contact phone; personal data (masked in lists).</summary>
    public string? Phone { get; private set; }

    // Basic information (issue 18, 人民调解法 art. 29): see CasePartyProfile. Residents:
    public PartyGender? Gender { get; private set; }
    public DateOnly? BirthDate { get; private set; }

    /// <summary>Entered only when the birth date is not known.</summary>
    public int? Age { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? Occupation { get; private set; }

    /// <summary>A resident's 住址, an organisation's 住所.</summary>
    public string? Address { get; private set; }

    /// <summary>身份证号, protected (<see cref="IPersonalNumberProtector"/>); never shown, logged or exported as stored.</summary>
    public string? IdNumberProtected { get; private set; }

    /// <summary>The masked number for screens (3623**********123X).</summary>
    public string? IdNumberMasked { get; private set; }

    // Organisations:
    /// <summary>法定代表人 or 负责人.</summary>
    public string? RepresentativeName { get; private set; }
    public string? RepresentativeTitle { get; private set; }
    public string? ContactPerson { get; private set; }

    /// <summary>委托代理人, any party.</summary>
    public string? AgentName { get; private set; }

    /// <summary>The age on <paramref name="today"/>: from the birth date, else as entered.</summary>
    public int? AgeOn(DateOnly today) => BirthDate is { } b ? today.Year - b.Year - (today < b.AddYears(today.Year - b.Year) ? 1 : 0) : Age;

    /// <summary>Sets checked information (<see cref="CasePartyProfile.Checked"/>); an empty ID number keeps the stored one.</summary>
    internal void Apply(CasePartyProfile checkedProfile, IPersonalNumberProtector? protector)
    {
        (Gender, BirthDate, Age, Ethnicity, Occupation, Address) = (checkedProfile.Gender, checkedProfile.BirthDate, checkedProfile.Age,
            checkedProfile.Ethnicity, checkedProfile.Occupation, checkedProfile.Address);
        (RepresentativeName, RepresentativeTitle, ContactPerson, AgentName) = (checkedProfile.RepresentativeName, checkedProfile.RepresentativeTitle,
            checkedProfile.ContactPerson, checkedProfile.AgentName);
        if (checkedProfile.IdNumber is { } id)
        {
            if (protector is null) throw new InvalidOperationException("An ID number is stored only protected.");
            IdNumberProtected = protector.Protect(id);
            IdNumberMasked = ChineseIdNumber.Mask(id);
        }
    }

    internal void Rename(string name, string? phone) => (Name, Phone) = (name, phone);

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

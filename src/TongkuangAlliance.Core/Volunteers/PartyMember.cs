namespace TongkuangAlliance.Core.Volunteers;

/// <summary>Active, moved away or left the party organisation's records; never deleted.</summary>
public enum PartyMemberStatus
{
    Active = 1,
    MovedAway = 2,
    Left = 3,
}

/// <summary>Reported (报到), waiting for the home community to confirm; or confirmed.</summary>
public enum RegistrationStatus
{
    Pending = 1,
    Confirmed = 2,
}

/// <summary>What registering (or editing) a party member records. The web layer checks the ids exist in scope.</summary>
public sealed record PartyMemberDetails(
    string? Name,
    string? Phone,
    int? MemberUnitId,
    string? EmployerName,
    string? PartyBranch,
    int HomeCommunityId,
    int? HomeCompoundId,
    string? Skills,
    DateOnly ReportedOn);

/// <summary>
/// 在职党员: a party member employed by a member unit (or another organisation) who reported (报到) to the community
/// where they live, and volunteers there. The phone is personal data: masked in lists, whole only to the staff of
/// the home community and the employer. Registrations are confirmed by the home community.
/// </summary>
public class PartyMember : AuditableEntity
{
    public const int SkillsLength = 200;
    public const int BranchLength = 100;

    private PartyMember() { }

    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public int? MemberUnitId { get; private set; }
    public MemberUnit? MemberUnit { get; private set; }

    /// <summary>The employer when it is not a member unit of the alliance.</summary>
    public string? EmployerName { get; private set; }
    public string? PartyBranch { get; private set; }
    public int HomeCommunityId { get; private set; }
    public Community? HomeCommunity { get; private set; }
    public int? HomeCompoundId { get; private set; }
    public Compound? HomeCompound { get; private set; }

    /// <summary>Free text, e.g. "理发、家电维修": matched by staff against the services of an activity.</summary>
    public string? Skills { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public PartyMemberStatus Status { get; private set; }
    public RegistrationStatus Registration { get; private set; }
    public DateTime? ConfirmedAtUtc { get; private set; }

    /// <summary>Last four digits of the phone, for the desk search ("尾号").</summary>
    public string PhoneTail { get; private set; } = "";

    public static PartyMember Register(PartyMemberDetails details)
    {
        var member = new PartyMember { Status = PartyMemberStatus.Active, Registration = RegistrationStatus.Pending };
        member.Apply(details);
        return member;
    }

    public void Update(PartyMemberDetails details) => Apply(details);

    public void Confirm(DateTime nowUtc)
    {
        if (Registration == RegistrationStatus.Confirmed) throw new DomainException("Volunteer.AlreadyConfirmed");
        Registration = RegistrationStatus.Confirmed;
        ConfirmedAtUtc = nowUtc;
    }

    public void ChangeStatus(PartyMemberStatus status)
    {
        if (!Enum.IsDefined(status)) throw new DomainException("Volunteer.InvalidChoice", nameof(Status));
        Status = status;
    }

    /// <summary>Can sign up and check in: confirmed by the community and still active.</summary>
    public bool CanVolunteer => Registration == RegistrationStatus.Confirmed && Status == PartyMemberStatus.Active;

    private void Apply(PartyMemberDetails d)
    {
        var name = Required(d.Name, FieldLengths.PersonName, nameof(Name));
        var phone = Required(d.Phone, FieldLengths.Phone, nameof(Phone)).Replace(" ", "", StringComparison.Ordinal);
        if (!ChinesePhone.IsValid(phone)) throw new DomainException("Validation.Phone", nameof(Phone));
        if (d.HomeCommunityId <= 0) throw new DomainException("Volunteer.CommunityRequired", nameof(HomeCommunityId));
        var employer = Optional(d.EmployerName, FieldLengths.Name, nameof(EmployerName));
        if (d.MemberUnitId is null && employer is null) throw new DomainException("Volunteer.EmployerRequired", nameof(EmployerName));
        Name = name;
        Phone = phone;
        PhoneTail = phone[^4..];
        MemberUnitId = d.MemberUnitId;
        EmployerName = d.MemberUnitId is null ? employer : null;
        PartyBranch = Optional(d.PartyBranch, BranchLength, nameof(PartyBranch));
        HomeCommunityId = d.HomeCommunityId;
        HomeCompoundId = d.HomeCompoundId;
        Skills = Optional(d.Skills, SkillsLength, nameof(Skills));
        ReportedOn = d.ReportedOn;
    }

    private static string Required(string? value, int max, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainException("Volunteer.Required", field);
        if (text.Length > max) throw new DomainException("Volunteer.TextTooLong", field);
        return text;
    }

    private static string? Optional(string? value, int max, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > max) throw new DomainException("Volunteer.TextTooLong", field);
        return text;
    }
}

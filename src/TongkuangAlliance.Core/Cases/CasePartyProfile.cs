namespace TongkuangAlliance.Core.Cases;

/// <summary>Protects a personal number at rest (the Web project: ASP.NET Core Data Protection, keys outside the table).</summary>
public interface IPersonalNumberProtector
{
    string Protect(string plain);
    string Unprotect(string protectedValue);
}

/// <summary>
/// A party's basic information (当事人基本情况, 人民调解法 art. 29), as entered. Residents: 性别, 出生日期 or 年龄, 民族,
/// 职业, 住址, 身份证号 (optional). Member units and outside organisations: 住所 (<see cref="Address"/>), 法定代表人 or 负责人
/// and title, contact person (the party's phone is the contact's). Any party: an optional 委托代理人.
/// </summary>
public sealed record CasePartyProfile(
    PartyGender? Gender = null,
    DateOnly? BirthDate = null,
    int? Age = null,
    string? Ethnicity = null,
    string? Occupation = null,
    string? Address = null,
    string? IdNumber = null,
    string? RepresentativeName = null,
    string? RepresentativeTitle = null,
    string? ContactPerson = null,
    string? AgentName = null)
{
    public static CasePartyProfile Empty { get; } = new();

    public const int MaxAge = 120;

    /// <summary>
    /// Checks everything against the party's kind and <paramref name="today"/> (China date) and returns the tidied values;
    /// throws a <see cref="DomainException"/> with the field before anything is changed.
    /// </summary>
    internal CasePartyProfile Checked(CasePartyKind kind, DateOnly today)
    {
        var resident = kind == CasePartyKind.Resident;
        var representative = CaseText.Optional(RepresentativeName, FieldLengths.PersonName, nameof(RepresentativeName));
        var title = CaseText.Optional(RepresentativeTitle, FieldLengths.PersonName, nameof(RepresentativeTitle));
        var contact = CaseText.Optional(ContactPerson, FieldLengths.PersonName, nameof(ContactPerson));
        if (resident && (representative ?? title ?? contact) is not null)
            throw new DomainException("Case.Party.RepresentativeOnlyForOrganisations", nameof(RepresentativeName));

        var gender = Gender is { } g ? CaseText.Choice(g, nameof(Gender)) : (PartyGender?)null;
        var ethnicity = CaseText.Optional(Ethnicity, FieldLengths.PersonName, nameof(Ethnicity));
        var id = string.IsNullOrWhiteSpace(IdNumber) ? null : ChineseIdNumber.Normalize(IdNumber);
        if (!resident && (gender is not null || BirthDate is not null || Age is not null || ethnicity is not null || id is not null))
            throw new DomainException("Case.Party.PersonalOnlyForResidents", nameof(Gender));

        if (Age is { } age && (age < 0 || age > MaxAge)) throw new DomainException("Case.Party.AgeRange", nameof(Age));
        CheckBirthDate(BirthDate, today, "Case.Party.BirthDateFuture", "Case.Party.AgeRange", nameof(BirthDate));
        var birthDate = BirthDate;
        if (id is not null)
        {
            if (!ChineseIdNumber.HasValidChecksum(id)) throw new DomainException("Case.Party.IdNumberInvalid", nameof(IdNumber));
            var carried = ChineseIdNumber.BirthDate(id);
            if (carried is null) throw new DomainException("Case.Party.IdNumberBirthDate", nameof(IdNumber));
            CheckBirthDate(carried, today, "Case.Party.IdNumberBirthDate", "Case.Party.IdNumberBirthDate", nameof(IdNumber));
            if (birthDate is not null && birthDate != carried) throw new DomainException("Case.Party.IdNumberMismatch", nameof(IdNumber));
            var male = ChineseIdNumber.IsMale(id);
            if (gender is not null && gender != (male ? PartyGender.Male : PartyGender.Female))
                throw new DomainException("Case.Party.IdNumberMismatch", nameof(IdNumber));
            (birthDate, gender) = (carried, male ? PartyGender.Male : PartyGender.Female);
        }

        return new CasePartyProfile(
            gender, birthDate, birthDate is null ? Age : null, ethnicity,
            CaseText.Optional(Occupation, FieldLengths.PersonName, nameof(Occupation)),
            CaseText.Optional(Address, FieldLengths.Address, nameof(Address)),
            id, representative, title, contact,
            CaseText.Optional(AgentName, FieldLengths.PersonName, nameof(AgentName)));
    }

    private static void CheckBirthDate(DateOnly? date, DateOnly today, string futureKey, string tooOldKey, string field)
    {
        if (date is not { } d) return;
        if (d > today) throw new DomainException(futureKey, field);
        if (d < today.AddYears(-MaxAge)) throw new DomainException(tooOldKey, field);
    }
}

using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Issue 18: a party's basic information by type (人民调解法 art. 29). Bad input — a wrong check character, an
/// impossible or future birth date, an age over 120, a 法定代表人 for a resident — is refused with its field and changes
/// nothing; a valid ID number is stored only protected and shown masked, and gives the birth date and gender.
/// </summary>
public sealed class CasePartyProfileTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    private sealed class ReversingProtector : IPersonalNumberProtector
    {
        public string Protect(string plain) => "P:" + new string([.. plain.Reverse()]);
        public string Unprotect(string protectedValue) => new([.. protectedValue[2..].Reverse()]);
    }

    private static readonly ReversingProtector Protector = new();
    private static readonly DateOnly Today = CaseText_ChinaDate(RegisteredAt);
    private static DateOnly CaseText_ChinaDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    /// <summary>刘贤英, born 12 Mar 1968, a woman (even sequence).</summary>
    public static readonly string LiuId = ChineseIdNumber.Make("361181", new DateOnly(1968, 3, 12), 24);

    private Case NewCase() => Case.Register(data.StoryDetails(), CaseCategory.Create("市政设施", "Municipal facilities", 2), RegisteredAt, null);

    [Fact]
    public void The_id_number_checks_its_check_character_and_carries_the_birth_date_and_gender()
    {
        Assert.True(ChineseIdNumber.HasValidChecksum("11010519491231002X")); // the standard's own example
        Assert.False(ChineseIdNumber.HasValidChecksum("110105194912310021"));
        Assert.Equal(new DateOnly(1949, 12, 31), ChineseIdNumber.BirthDate("11010519491231002X"));
        Assert.False(ChineseIdNumber.IsMale("11010519491231002X"));
        Assert.Equal("1101**********002X", ChineseIdNumber.Mask("11010519491231002X"));
        Assert.True(ChineseIdNumber.HasValidChecksum(LiuId));
    }

    public static TheoryData<string, CasePartyKind, CasePartyProfile, string, string> BadInput() => new()
    {
        { "wrong check character", CasePartyKind.Resident, new(IdNumber: LiuId[..17] + (LiuId[17] == '1' ? "2" : "1")), "Case.Party.IdNumberInvalid", "IdNumber" },
        { "not 18 characters", CasePartyKind.Resident, new(IdNumber: "3611811968031202"), "Case.Party.IdNumberInvalid", "IdNumber" },
        { "impossible birth date in the number", CasePartyKind.Resident, new(IdNumber: Fix("361181196802300240")), "Case.Party.IdNumberBirthDate", "IdNumber" },
        { "future birth date in the number", CasePartyKind.Resident, new(IdNumber: ChineseIdNumber.Make("361181", new DateOnly(2030, 1, 1), 24)), "Case.Party.IdNumberBirthDate", "IdNumber" },
        { "number and birth date disagree", CasePartyKind.Resident, new(BirthDate: new DateOnly(1970, 1, 1), IdNumber: LiuId), "Case.Party.IdNumberMismatch", "IdNumber" },
        { "number and gender disagree", CasePartyKind.Resident, new(Gender: PartyGender.Male, IdNumber: LiuId), "Case.Party.IdNumberMismatch", "IdNumber" },
        { "age over 120", CasePartyKind.Resident, new(Age: 121), "Case.Party.AgeRange", "Age" },
        { "negative age", CasePartyKind.Resident, new(Age: -1), "Case.Party.AgeRange", "Age" },
        { "future birth date", CasePartyKind.Resident, new(BirthDate: Today.AddDays(1)), "Case.Party.BirthDateFuture", "BirthDate" },
        { "born over 120 years ago", CasePartyKind.Resident, new(BirthDate: Today.AddYears(-121)), "Case.Party.AgeRange", "BirthDate" },
        { "法定代表人 for a resident", CasePartyKind.Resident, new(RepresentativeName: "张三"), "Case.Party.RepresentativeOnlyForOrganisations", "RepresentativeName" },
        { "gender for a company", CasePartyKind.OutsideOrganisation, new(Gender: PartyGender.Male), "Case.Party.PersonalOnlyForResidents", "Gender" },
        { "ID number for a company", CasePartyKind.OutsideOrganisation, new(IdNumber: LiuId), "Case.Party.PersonalOnlyForResidents", "Gender" },
        { "address too long", CasePartyKind.Resident, new(Address: new string('路', FieldLengths.Address + 1)), "Case.TextTooLong", "Address" },
    };

    /// <summary>Recomputes the check character of a number whose date was edited, so only the date is wrong.</summary>
    private static string Fix(string id)
    {
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * w[i];
        return id[..17] + "10X98765432"[sum % 11];
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_basic_information_is_refused_with_its_field_and_changes_nothing(string what, CasePartyKind kind, CasePartyProfile profile, string key, string field)
    {
        var kase = NewCase();
        var before = Snapshot(kase);
        var refused = Assert.Throws<DomainException>(() => kase.AddParty(kind, "某当事人", null, null, CasePartyRole.Respondent, RegisteredAt, null, profile, Protector));
        Assert.True((key, field) == (refused.MessageKey, refused.Field), $"{what}: {refused.MessageKey} {refused.Field}");
        Assert.Equal(before, Snapshot(kase));
        Assert.Empty(kase.Parties);
    }

    [Fact]
    public void A_resident_is_stored_with_a_protected_masked_number_and_the_birth_date_and_gender_it_carries()
    {
        var kase = NewCase();
        var party = kase.AddParty(CasePartyKind.Resident, "刘贤英", "13907930606", null, CasePartyRole.Complainant, RegisteredAt, null,
            new CasePartyProfile(Ethnicity: "汉族", Occupation: "退休职工", Address: "德兴市铜矿街道南区社区建安小区1栋", IdNumber: " " + LiuId.ToLowerInvariant() + " "), Protector);
        Assert.Equal((PartyGender.Female, new DateOnly(1968, 3, 12)), (party.Gender!.Value, party.BirthDate!.Value));
        Assert.Equal(58, party.AgeOn(new DateOnly(2026, 12, 7)));
        Assert.DoesNotContain(LiuId, party.IdNumberProtected!, StringComparison.Ordinal);
        Assert.Equal(LiuId, Protector.Unprotect(party.IdNumberProtected!));
        Assert.Equal(ChineseIdNumber.Mask(LiuId), party.IdNumberMasked);
    }

    [Fact]
    public void An_organisation_has_its_seat_representative_contact_and_contact_phone()
    {
        var kase = NewCase();
        var company = kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", "13907931234", null, CasePartyRole.Respondent, RegisteredAt, null,
            new CasePartyProfile(Address: "德兴市银城镇建设路8号", RepresentativeName: "王建国", RepresentativeTitle: "总经理", ContactPerson: "李工", AgentName: "赵律师"));
        Assert.Equal(("德兴市银城镇建设路8号", "王建国", "总经理", "李工", "赵律师", "13907931234"),
            (company.Address, company.RepresentativeName, company.RepresentativeTitle, company.ContactPerson, company.AgentName, company.Phone));
    }

    [Fact]
    public async Task Information_is_completed_later_while_the_case_is_open_and_saved_to_the_database()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        var residentId = 0;
        data.Step(id, Later, c =>
        {
            residentId = c.Parties.Single(p => p.Kind == CasePartyKind.Resident).Id;
            c.UpdateParty(residentId, "刘贤英", null, new CasePartyProfile(Age: 58, Ethnicity: "汉族", Occupation: "退休职工", Address: "建安小区1栋"), Later, data.HandlerId, Protector);
        });
        await using var db = data.CreateContext();
        var kase = Load(db, id);
        var resident = kase.Parties.Single(p => p.Id == residentId);
        Assert.Equal((58, "汉族", "退休职工", "建安小区1栋", ResidentPhone), (resident.Age!.Value, resident.Ethnicity, resident.Occupation, resident.Address, resident.Phone));
        Assert.Equal(CaseEventKind.PartyUpdated, await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => e.Kind).LastAsync());
    }
}

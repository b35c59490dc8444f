using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Bad input from issue 3: missing reporter or description, impossible phones, negative amounts, a due date
/// before the case began, over-long text — each refused with its message and field, nothing changed.
/// </summary>
public sealed class CaseValidationTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    private static CaseCategory Category() => CaseCategory.Create("市政设施", "Municipal facilities", 2);

    private CaseDetails Details => data.StoryDetails();

    public static TheoryData<string, string, string> BadIntakes() => new()
    {
        { "no reporter", "Case.ReporterNameRequired", "ReporterName" },
        { "blank reporter", "Case.ReporterNameRequired", "ReporterName" },
        { "long reporter", "Case.TextTooLong", "ReporterName" },
        { "no phone", "Case.ReporterPhoneRequired", "ReporterPhone" },
        { "short phone", "Validation.Phone", "ReporterPhone" },
        { "phone starting with 2", "Validation.Phone", "ReporterPhone" },
        { "phone with letters", "Validation.Phone", "ReporterPhone" },
        { "no title", "Case.TitleRequired", "Title" },
        { "long title", "Case.TextTooLong", "Title" },
        { "no description", "Case.DescriptionRequired", "Description" },
        { "long description", "Case.TextTooLong", "Description" },
        { "future occurrence", "Case.OccurredInFuture", "OccurredAtUtc" },
        { "no occurrence", "Case.OccurredAtRequired", "OccurredAtUtc" },
        { "no community", "Case.CommunityRequired", "CommunityId" },
        { "bad compound", "Case.InvalidChoice", "CompoundId" },
        { "unknown kind", "Case.InvalidChoice", "Kind" },
        { "unknown source", "Case.InvalidChoice", "Source" },
        { "unknown urgency", "Case.InvalidChoice", "Urgency" },
    };

    private CaseDetails Bad(string what) => what switch
    {
        "no reporter" => Details with { ReporterName = null },
        "blank reporter" => Details with { ReporterName = "   " },
        "long reporter" => Details with { ReporterName = new string('刘', FieldLengths.PersonName + 1) },
        "no phone" => Details with { ReporterPhone = "" },
        "short phone" => Details with { ReporterPhone = "12345" },
        "phone starting with 2" => Details with { ReporterPhone = "23907935678" },
        "phone with letters" => Details with { ReporterPhone = "139O7935678" },
        "no title" => Details with { Title = null },
        "long title" => Details with { Title = new string('灯', FieldLengths.Title + 1) },
        "no description" => Details with { Description = " \n " },
        "long description" => Details with { Description = new string('沟', FieldLengths.Description + 1) },
        "future occurrence" => Details with { OccurredAtUtc = RegisteredAt.AddMinutes(1) },
        "no occurrence" => Details with { OccurredAtUtc = default },
        "no community" => Details with { CommunityId = 0 },
        "bad compound" => Details with { CompoundId = -3 },
        "unknown kind" => Details with { Kind = (CaseKind)99 },
        "unknown source" => Details with { Source = (CaseSource)0 },
        "unknown urgency" => Details with { Urgency = (CaseUrgency)42 },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(BadIntakes))]
    public void A_bad_intake_is_refused_next_to_its_field(string what, string key, string field)
    {
        var error = Assert.Throws<DomainException>(() => Case.Register(Bad(what), Category(), RegisteredAt, null));
        Assert.Equal((key, field), (error.MessageKey, error.Field));
    }

    [Fact]
    public void Text_is_trimmed_kept_as_typed_and_may_fill_its_column_exactly()
    {
        var script = "<script>alert('x')</script> 路灯不亮";
        var kase = Case.Register(Details with
        {
            ReporterName = "  刘贤英 ",
            Title = script,
            Description = new string('沟', FieldLengths.Description),
        }, Category(), RegisteredAt, null);
        Assert.Equal("刘贤英", kase.ReporterName);
        Assert.Equal(script, kase.Title); // shown encoded by the views, never run
        Assert.Equal(FieldLengths.Description, kase.Description.Length);
        Assert.Equal(CaseEventKind.Registered, kase.Events.Single().Kind);
        Assert.Equal(0, kase.CategoryId);
    }

    [Fact]
    public void A_landline_with_area_code_is_a_valid_reporter_phone()
    {
        var kase = Case.Register(Details with { ReporterPhone = "0793-7512001" }, Category(), RegisteredAt, null);
        Assert.Equal("0793-7512001", kase.ReporterPhone);
    }

    [Fact]
    public void A_deactivated_category_takes_no_new_cases()
    {
        var category = Category();
        category.Deactivate();
        var error = Assert.Throws<DomainException>(() => Case.Register(Details, category, RegisteredAt, null));
        Assert.Equal(("Case.CategoryInactive", "CategoryId"), (error.MessageKey, error.Field));
    }

    private static Case InMediation(CaseTestData d, out CaseParty resident, out CaseParty company)
    {
        var kase = Case.Register(d.StoryDetails(), Category(), RegisteredAt, null);
        resident = kase.AddParty(CasePartyKind.Resident, "刘贤英", ResidentPhone, null, CasePartyRole.Complainant, RegisteredAt, null);
        company = kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, RegisteredAt, null);
        kase.Accept("handler", AcceptedAt, null);
        kase.StartMediation(AcceptedAt, null);
        return kase;
    }

    [Theory]
    [InlineData(AgreementTermKind.Compensation, "-2000", "Case.Term.AmountNotPositive")]
    [InlineData(AgreementTermKind.Compensation, "0", "Case.Term.AmountNotPositive")]
    [InlineData(AgreementTermKind.Compensation, null, "Case.Term.AmountRequired")]
    [InlineData(AgreementTermKind.Compensation, "2000.005", "Case.Term.AmountPrecision")]
    [InlineData(AgreementTermKind.Compensation, "100000000000000000", "Case.Term.AmountTooLarge")]
    [InlineData(AgreementTermKind.Repair, "-1", "Case.Term.AmountNotPositive")]
    [InlineData(AgreementTermKind.SafetyMeasure, "0", "Case.Term.AmountNotPositive")]
    public void Amounts_are_positive_yuan_and_compensation_needs_one(AgreementTermKind kind, string? amount, string key)
    {
        var kase = InMediation(data, out _, out var company);
        var before = Snapshot(kase);
        var value = amount is null ? (decimal?)null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<DomainException>(() => kase.AddTerm(company, kind, "赔偿", value, new DateOnly(2026, 11, 10), SessionAt, null));
        Assert.Equal((key, "Amount"), (error.MessageKey, error.Field));
        Assert.Equal(before, Snapshot(kase));
    }

    [Fact]
    public void A_term_may_carry_an_amount_of_money_whatever_its_kind_and_is_due_from_the_day_of_the_occurrence()
    {
        var kase = InMediation(data, out _, out var company);
        var repair = kase.AddTerm(company, AgreementTermKind.Repair, "修复路面", 1500.5m, new DateOnly(2026, 11, 1), SessionAt, null);
        Assert.Equal((1500.5m, AgreementTermStatus.Pending), (repair.Amount!.Value, repair.Status));
        var apology = kase.AddTerm(company, AgreementTermKind.Apology, "当面致歉", null, new DateOnly(2026, 11, 6), SessionAt, null);
        Assert.Null(apology.Amount);
    }

    [Fact]
    public void Bad_terms_are_refused()
    {
        var kase = InMediation(data, out var resident, out var company);
        var stranger = InMediation(data, out _, out _).Parties[0];
        var before = Snapshot(kase);

        DomainException Refused(Action act) => Assert.Throws<DomainException>(act);
        Assert.Equal(("Case.Term.DueBeforeOccurrence", "DueDate"), Pair(Refused(() => kase.AddTerm(company, AgreementTermKind.SafetyMeasure, "回填", null, new DateOnly(2026, 10, 31), SessionAt, null))));
        Assert.Equal(("Case.Term.DescriptionRequired", "Description"), Pair(Refused(() => kase.AddTerm(company, AgreementTermKind.SafetyMeasure, " ", null, new DateOnly(2026, 11, 10), SessionAt, null))));
        Assert.Equal(("Case.TextTooLong", "Description"), Pair(Refused(() => kase.AddTerm(company, AgreementTermKind.SafetyMeasure, new string('x', FieldLengths.Reason + 1), null, new DateOnly(2026, 11, 10), SessionAt, null))));
        Assert.Equal(("Case.Party.Unknown", "ObligatedPartyId"), Pair(Refused(() => kase.AddTerm(stranger, AgreementTermKind.Apology, "致歉", null, new DateOnly(2026, 11, 10), SessionAt, null))));
        Assert.Equal(("Case.Party.Unknown", "ObligatedPartyId"), Pair(Refused(() => kase.AddTerm(12345, AgreementTermKind.Apology, "致歉", null, new DateOnly(2026, 11, 10), SessionAt, null))));
        Assert.Equal(("Case.InvalidChoice", "Kind"), Pair(Refused(() => kase.AddTerm(resident, (AgreementTermKind)77, "致歉", null, new DateOnly(2026, 11, 10), SessionAt, null))));
        Assert.Equal(before, Snapshot(kase));
    }

    private static (string, string?) Pair(DomainException e) => (e.MessageKey, e.Field);

    [Fact]
    public void A_term_is_fulfilled_once_on_a_real_day_with_proof()
    {
        var kase = InMediation(data, out _, out var company);
        var term = kase.AddTerm(company, AgreementTermKind.Compensation, "赔偿2000元", 2000m, new DateOnly(2026, 11, 10), SessionAt, null);
        var before = Snapshot(kase);
        var now = Utc(2026, 11, 9, 2, 0); // 9 Nov 10:00 in China

        Assert.Equal(("Case.Term.FulfilledInFuture", "FulfilledOn"), Pair(Assert.Throws<DomainException>(() => kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 10), "签收", now, null))));
        Assert.Equal(("Case.Term.FulfilledBeforeRegistration", "FulfilledOn"), Pair(Assert.Throws<DomainException>(() => kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 1), "签收", now, null))));
        Assert.Equal(("Case.Term.ProofRequired", "ProofNote"), Pair(Assert.Throws<DomainException>(() => kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 9), "", now, null))));
        Assert.Equal(before, Snapshot(kase));

        // China's day: 8 Nov 16:30 UTC is already 9 Nov 00:30 in Dexing.
        kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 9), "刘贤英签收", Utc(2026, 11, 8, 16, 30), null);
        Assert.Equal((AgreementTermStatus.Fulfilled, new DateOnly(2026, 11, 9), "刘贤英签收"), (term.Status, term.FulfilledOn!.Value, term.ProofNote));
        Assert.Equal("Case.Term.AlreadyFulfilled", Assert.Throws<DomainException>(() => kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 9), "again", now, null)).MessageKey);
        Assert.Equal("Case.Term.Unknown", Assert.Throws<DomainException>(() => kase.MarkTermFulfilled(999, new DateOnly(2026, 11, 9), "x", now, null)).MessageKey);
    }

    [Fact]
    public void Parties_are_residents_with_phones_units_with_their_id_or_named_outside_organisations()
    {
        var kase = Case.Register(Details, Category(), RegisteredAt, null);
        var before = Snapshot(kase);
        DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

        Assert.Equal(("Case.Party.MemberUnitRequired", "MemberUnitId"), Pair(Refused(() => kase.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, null, CasePartyRole.ResponsibleUnit, RegisteredAt, null))));
        Assert.Equal(("Case.Party.MemberUnitOnlyForUnits", "MemberUnitId"), Pair(Refused(() => kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, 3, CasePartyRole.ResponsibleUnit, RegisteredAt, null))));
        Assert.Equal(("Validation.Phone", "Phone"), Pair(Refused(() => kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", "139", null, CasePartyRole.ResponsibleUnit, RegisteredAt, null))));
        Assert.Equal(("Validation.Phone", "Phone"), Pair(Refused(() => kase.AddParty(CasePartyKind.Resident, "刘贤英", "555", null, CasePartyRole.Complainant, RegisteredAt, null))));
        Assert.Equal(("Case.Party.NameRequired", "Name"), Pair(Refused(() => kase.AddParty(CasePartyKind.Resident, "", null, null, CasePartyRole.Complainant, RegisteredAt, null))));
        Assert.Equal(("Case.TextTooLong", "Name"), Pair(Refused(() => kase.AddParty(CasePartyKind.OutsideOrganisation, new string('公', FieldLengths.Name + 1), null, null, CasePartyRole.Respondent, RegisteredAt, null))));
        Assert.Equal(("Case.InvalidChoice", "Role"), Pair(Refused(() => kase.AddParty(CasePartyKind.Resident, "刘贤英", null, null, (CasePartyRole)9, RegisteredAt, null))));
        Assert.Equal(before, Snapshot(kase));

        kase.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, 3, CasePartyRole.ResponsibleUnit, RegisteredAt, null);
        Assert.Equal(("Case.Party.Duplicate", "Name"), Pair(Refused(() => kase.AddParty(CasePartyKind.MemberUnit, "工程部", null, 3, CasePartyRole.ResponsibleUnit, RegisteredAt, null))));
        kase.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, 3, CasePartyRole.Respondent, RegisteredAt, null); // another role is another party
        Assert.Equal(2, kase.Parties.Count);
        // Issue 18: an outside organisation's contact phone is its phone (it used to be refused as residents-only).
        kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", "13907930000", null, CasePartyRole.Respondent, RegisteredAt, null);
        Assert.Equal("13907930000", kase.Parties[^1].Phone);
    }

    [Fact]
    public void Sessions_are_held_between_the_occurrence_and_now_and_say_where_who_and_by_whom()
    {
        var kase = InMediation(data, out _, out _);
        var before = Snapshot(kase);
        DomainException Refused(Action act) => Assert.Throws<DomainException>(act);
        Assert.Equal(("Case.Session.InFuture", "HeldAtUtc"), Pair(Refused(() => kase.RecordSession(SessionAt.AddHours(1), "社区", "南区社区党委", "刘贤英", null, null, SessionAt, null))));
        Assert.Equal(("Case.Session.BeforeOccurrence", "HeldAtUtc"), Pair(Refused(() => kase.RecordSession(FellAt.AddHours(-1), "社区", "南区社区党委", "刘贤英", null, null, SessionAt, null))));
        Assert.Equal(("Case.Session.HeldAtRequired", "HeldAtUtc"), Pair(Refused(() => kase.RecordSession(default, "社区", "南区社区党委", "刘贤英", null, null, SessionAt, null))));
        Assert.Equal(("Case.Session.PlaceRequired", "Place"), Pair(Refused(() => kase.RecordSession(SessionAt, null, "南区社区党委", "刘贤英", null, null, SessionAt, null))));
        Assert.Equal(("Case.Session.ConvenedByRequired", "ConvenedBy"), Pair(Refused(() => kase.RecordSession(SessionAt, "社区", " ", "刘贤英", null, null, SessionAt, null))));
        Assert.Equal(("Case.Session.AttendeesRequired", "Attendees"), Pair(Refused(() => kase.RecordSession(SessionAt, "社区", "南区社区党委", null, null, null, SessionAt, null))));
        Assert.Equal(("Case.TextTooLong", "Minutes"), Pair(Refused(() => kase.RecordSession(SessionAt, "社区", "南区社区党委", "刘贤英", new string('记', FieldLengths.Minutes + 1), null, SessionAt, null))));
        Assert.Equal(before, Snapshot(kase));

        var session = kase.RecordSession(SessionAt, "社区", "南区社区党委", "刘贤英", new string('记', FieldLengths.Minutes), null, SessionAt, null);
        Assert.Equal(FieldLengths.Minutes, session.Minutes!.Length);
    }

    [Fact]
    public void Follow_ups_are_dated_after_resolution_and_not_in_the_future_and_a_complaint_is_explained()
    {
        var kase = InMediation(data, out var resident, out var company);
        kase.AddTerm(company, AgreementTermKind.Compensation, "赔偿", 2000m, new DateOnly(2026, 11, 10), SessionAt, null);
        kase.Resolve(true, "达成协议", ResolvedAt, null);
        var before = Snapshot(kase);
        DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

        Assert.Equal(("Case.FollowUp.InFuture", "Date"), Pair(Refused(() => kase.RecordFollowUp(new DateOnly(2026, 11, 21), FollowUpMethod.Phone, Satisfaction.Satisfied, true, null, Later, null))));
        Assert.Equal(("Case.FollowUp.BeforeResolution", "Date"), Pair(Refused(() => kase.RecordFollowUp(new DateOnly(2026, 11, 4), FollowUpMethod.Phone, Satisfaction.Satisfied, true, null, Later, null))));
        Assert.Equal(("Case.FollowUp.NoteRequired", "Note"), Pair(Refused(() => kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Dissatisfied, true, " ", Later, null))));
        Assert.Equal(("Case.FollowUp.NoteRequired", "Note"), Pair(Refused(() => kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Visit, Satisfaction.Satisfied, false, null, Later, null))));
        Assert.Equal(("Case.InvalidChoice", "Satisfaction"), Pair(Refused(() => kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Visit, (Satisfaction)0, true, null, Later, null))));
        Assert.Equal(before, Snapshot(kase));
        Assert.Equal(CaseStatus.Resolved, kase.Status);
    }

    [Fact]
    public void Reasons_are_required_to_close_early_escalate_or_reopen_and_notes_have_text()
    {
        var kase = Case.Register(Details, Category(), RegisteredAt, null);
        var before = Snapshot(kase);
        Assert.Equal(("Validation.ReasonRequired", "Reason"), Pair(Assert.Throws<DomainException>(() => kase.CloseEarly(CaseCloseKind.Withdrawn, " ", Later, null))));
        Assert.Equal(("Case.InvalidChoice", "CloseKind"), Pair(Assert.Throws<DomainException>(() => kase.CloseEarly((CaseCloseKind)0, "撤回", Later, null))));
        Assert.Equal(("Validation.ReasonRequired", "Reason"), Pair(Assert.Throws<DomainException>(() => kase.Escalate(null, Later, null))));
        Assert.Equal(("Case.TextTooLong", "Reason"), Pair(Assert.Throws<DomainException>(() => kase.Escalate(new string('急', FieldLengths.Reason + 1), Later, null))));
        Assert.Equal(("Case.NoteRequired", "Text"), Pair(Assert.Throws<DomainException>(() => kase.AddProgressNote("", Later, null))));
        Assert.Equal(("Case.TextTooLong", "Text"), Pair(Assert.Throws<DomainException>(() => kase.AddProgressNote(new string('进', FieldLengths.Note + 1), Later, null))));
        Assert.Equal(("Case.HandlerRequired", "HandlerUserId"), Pair(Assert.Throws<DomainException>(() => kase.Accept(null, Later, null))));
        Assert.Equal(before, Snapshot(kase));
    }

    [Fact]
    public void Phone_numbers_typed_into_notes_are_masked_in_the_timeline()
    {
        var kase = Case.Register(Details, Category(), RegisteredAt, null);
        kase.AddProgressNote("已联系施工方负责人（13907931234，办公室0793-7512001），订单号 202611011234567890 不是电话", Later, null);
        Assert.Equal("已联系施工方负责人（139****1234，办公室079*****2001），订单号 202611011234567890 不是电话", kase.Events[^1].Summary);
    }

    [Fact]
    public void Categories_have_names_in_both_languages_and_sensible_deadlines()
    {
        var defaults = CaseCategory.Defaults();
        Assert.Equal(["物业管理", "市政设施", "邻里纠纷", "家庭纠纷", "劳动纠纷", "人身损害赔偿", "其他"], defaults.Select(c => c.Name));
        Assert.All(defaults, c => Assert.Equal((1, 3, 30, true), (c.AcceptWithinDays, c.UpdateEveryDays, c.ResolveWithinDays, c.IsActive)));
        Assert.All(defaults, c => Assert.False(string.IsNullOrWhiteSpace(c.NameEn)));

        Assert.Equal(("CaseCategory.DaysOutOfRange", "ResolveWithinDays"), Pair(Assert.Throws<DomainException>(() => CaseCategory.Create("a", "a", 1, 1, 3, 0))));
        Assert.Equal(("CaseCategory.DaysOutOfRange", "UpdateEveryDays"), Pair(Assert.Throws<DomainException>(() => CaseCategory.Create("a", "a", 1, 1, 400, 30))));
        Assert.Equal(("CaseCategory.AcceptAfterResolve", "AcceptWithinDays"), Pair(Assert.Throws<DomainException>(() => CaseCategory.Create("a", "a", 1, 10, 3, 5))));
        Assert.Equal(("CaseCategory.NameEnRequired", "NameEn"), Pair(Assert.Throws<DomainException>(() => CaseCategory.Create("物业", "", 1))));
        Assert.Equal(("CaseCategory.NameRequired", "Name"), Pair(Assert.Throws<DomainException>(() => CaseCategory.Create(null, "x", 1))));
    }
}

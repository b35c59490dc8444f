using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Correcting what was entered by mistake, on cases stored in SQLite and loaded as a web request would load them:
/// a pending term is withdrawn (not deleted) and no longer owed, printed, pending or overdue; a party is removed
/// (not deleted) once it owes nothing; the handler changes after acceptance. A refused correction changes nothing.
/// </summary>
public sealed class CaseCorrectionTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    private const string Company = "大茅山建设公司";
    private const string TooLong = "Case.TextTooLong";
    private static readonly DateOnly Due = new(2026, 11, 30);

    private static CaseParty Unit(Case c) => c.Parties.Single(p => p.Kind == CasePartyKind.MemberUnit);
    private static CaseParty Resident(Case c) => c.Parties.Single(p => p.Kind == CasePartyKind.Resident);
    private static CaseParty CompanyParty(Case c) => c.Parties.Single(p => p.Name == Company && !p.IsRemoved);
    private static AgreementTerm Repair(Case c) => c.Terms.Single(t => t.Kind == AgreementTermKind.Repair);

    /// <summary>In mediation with the story's company as a party owing a compensation of <paramref name="amount"/> (a pending term).</summary>
    private async Task<int> WithCompensationAsync(decimal amount)
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        data.Step(id, Later, c =>
        {
            var company = c.AddParty(CasePartyKind.OutsideOrganisation, Company, null, null, CasePartyRole.ResponsibleUnit, Later, data.HandlerId);
            c.AddTerm(company, AgreementTermKind.Compensation, "向刘贤英支付医疗等费用补偿", amount, Due, Later, data.HandlerId);
        });
        return id;
    }

    /// <summary>The correction is refused with <paramref name="key"/>, and the case — in memory and in the database — is as it was.</summary>
    private void AssertRefused(int id, string key, Action<Case> correction)
    {
        using var db = data.CreateContext();
        var kase = Load(db, id);
        var before = Snapshot(kase);
        var parties = string.Join(",", kase.Parties.Select(p => $"{p.Id}:{p.RemovedAtUtc}:{p.RemovalReason}"));

        var error = Assert.Throws<DomainException>(() => correction(kase));

        Assert.Equal(key, error.MessageKey);
        Assert.Equal(before, Snapshot(kase));
        Assert.Equal(parties, string.Join(",", kase.Parties.Select(p => $"{p.Id}:{p.RemovedAtUtc}:{p.RemovalReason}")));
        Assert.False(db.ChangeTracker.HasChanges(), "a refused correction must leave nothing to save");
    }

    [Fact]
    public async Task A_compensation_typed_ten_times_too_high_is_withdrawn_replaced_and_the_case_closes()
    {
        var id = await WithCompensationAsync(20_000m);
        var reason = "金额录入错误：协议约定为¥2,000";

        data.Step(id, Later, c => c.WithdrawTerm(c.Terms.Single(t => t.Amount == 20_000m).Id, reason, Later, data.HandlerId));
        data.Step(id, Later, c => c.AddTerm(CompanyParty(c), AgreementTermKind.Compensation, "向刘贤英支付医疗等费用补偿", 2_000m, Due, Later, data.HandlerId));
        data.Step(id, Later, c => c.Resolve(true, "达成调解协议", Later, data.HandlerId));
        data.Step(id, Later, c =>
        {
            foreach (var term in c.Terms.Where(t => t.Status == AgreementTermStatus.Pending).ToList())
                c.MarkTermFulfilled(term, new DateOnly(2026, 11, 20), "社区现场确认", Later, data.HandlerId);
        });
        data.Step(id, Later, c => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Satisfied, true, null, Later, data.HandlerId));
        data.Step(id, Later, c => c.Close(Later, data.HandlerId));

        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal(CaseStatus.Closed, kase.Status);
        // Nothing was deleted: the mistaken term is stored, withdrawn, with when and why.
        var wrong = kase.Terms.Single(t => t.Amount == 20_000m);
        Assert.Equal((AgreementTermStatus.Withdrawn, (DateTime?)Later, reason), (wrong.Status, wrong.WithdrawnAtUtc, wrong.WithdrawalReason));
        Assert.False(wrong.IsInForce);
        Assert.Null(wrong.FulfilledOn);
        Assert.Equal(AgreementTermStatus.Fulfilled, kase.Terms.Single(t => t.Amount == 2_000m).Status);
        var withdrawn = db.CaseEvents.Single(e => e.CaseId == id && e.Kind == CaseEventKind.TermWithdrawn);
        Assert.Equal($"{Company} — 向刘贤英支付医疗等费用补偿 — ¥20,000.00 — {reason}", withdrawn.Summary);
        Assert.Equal(data.HandlerId, withdrawn.UserId);
    }

    [Fact]
    public async Task A_mistaken_term_left_pending_blocks_closing_until_it_is_withdrawn_and_is_never_overdue()
    {
        var id = await WithCompensationAsync(20_000m);
        data.Step(id, Later, c => c.Resolve(true, "达成调解协议", Later, data.HandlerId));
        data.Step(id, Later, c => c.MarkTermFulfilled(Repair(c), new DateOnly(2026, 11, 20), "4盏路灯已更换", Later, data.HandlerId));
        data.Step(id, Later, c => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Visit, Satisfaction.Satisfied, true, null, Later, data.HandlerId));
        AssertRefused(id, "Case.Close.TermsPending", c => c.Close(Later, data.HandlerId));

        var afterDue = Due.AddDays(10);
        using (var db = data.CreateContext())
            Assert.Contains(db.AgreementTerms.Where(AgreementTerm.OverdueOn(afterDue)), t => t.CaseId == id);

        data.Step(id, Later, c => c.WithdrawTerm(c.Terms.Single(t => t.Amount == 20_000m), "金额录入错误", Later, data.HandlerId));

        using (var db = data.CreateContext())
        {
            var term = db.AgreementTerms.Single(t => t.CaseId == id && t.Amount == 20_000m);
            Assert.False(term.IsOverdue(afterDue));
            Assert.DoesNotContain(db.AgreementTerms.Where(AgreementTerm.OverdueOn(afterDue)), t => t.CaseId == id);
            Assert.DoesNotContain(db.AgreementTerms.Where(t => t.Status == AgreementTermStatus.Pending), t => t.CaseId == id);
            Assert.Equal(1, db.AgreementTerms.Where(AgreementTerm.InForce).Count(t => t.CaseId == id));
            Assert.Equal(2, db.AgreementTerms.Count(t => t.CaseId == id));
        }
        data.Step(id, Later, c => c.Close(Later, data.HandlerId));
    }

    [Fact]
    public async Task Withdrawing_is_refused_without_a_reason_for_unknown_fulfilled_or_withdrawn_terms_and_on_a_closed_case()
    {
        var id = await WithCompensationAsync(20_000m);
        int Typo(Case c) => c.Terms.Single(t => t.Amount == 20_000m).Id;

        AssertRefused(id, "Validation.ReasonRequired", c => c.WithdrawTerm(Typo(c), "  ", Later, data.HandlerId));
        AssertRefused(id, "Validation.ReasonRequired", c => c.WithdrawTerm(Typo(c), null, Later, data.HandlerId));
        AssertRefused(id, TooLong, c => c.WithdrawTerm(Typo(c), new string('错', FieldLengths.Reason + 1), Later, data.HandlerId));
        AssertRefused(id, "Case.Term.Unknown", c => c.WithdrawTerm(0, "金额录入错误", Later, data.HandlerId));
        AssertRefused(id, "Case.Term.Unknown", c => c.WithdrawTerm(int.MaxValue, "金额录入错误", Later, data.HandlerId));

        data.Step(id, Later, c => c.MarkTermFulfilled(Repair(c), new DateOnly(2026, 11, 20), "4盏路灯已更换", Later, data.HandlerId));
        AssertRefused(id, "Case.Term.FulfilledCannotBeWithdrawn", c => c.WithdrawTerm(Repair(c).Id, "录入错误", Later, data.HandlerId));

        data.Step(id, Later, c => c.WithdrawTerm(Typo(c), "金额录入错误", Later, data.HandlerId));
        AssertRefused(id, "Case.Term.AlreadyWithdrawn", c => c.WithdrawTerm(Typo(c), "再次撤回", Later, data.HandlerId));
        // A withdrawn term is owed by no one: it cannot be marked fulfilled either.
        AssertRefused(id, "Case.Term.Withdrawn", c => c.MarkTermFulfilled(Typo(c), new DateOnly(2026, 11, 20), "已支付", Later, data.HandlerId));

        var closed = await data.ArrangeAsync(Stage.Closed);
        AssertRefused(closed, "Case.Step.WithdrawTerm", c => c.WithdrawTerm(Repair(c).Id, "录入错误", Later, data.HandlerId));
    }

    [Fact]
    public async Task An_agreement_reached_keeps_a_term_in_force_and_a_withdrawn_term_does_not_count_as_one()
    {
        // Resolved with its one (pending) term: withdrawing it would leave an agreement of nothing.
        var resolved = await data.ArrangeAsync(Stage.Resolved);
        AssertRefused(resolved, "Case.Term.LastOfAgreement", c => c.WithdrawTerm(Repair(c).Id, "录入错误", Later, data.HandlerId));

        // In mediation the last term may go; then an agreement needs a new one, and resolving without one is allowed.
        var mediation = await data.ArrangeAsync(Stage.InMediation);
        data.Step(mediation, Later, c => c.WithdrawTerm(Repair(c).Id, "责任单位录入错误", Later, data.HandlerId));
        AssertRefused(mediation, "Case.Resolve.NoTerms", c => c.Resolve(true, "达成调解协议", Later, data.HandlerId));
        data.Step(mediation, Later, c => c.Resolve(false, "经释法说理，居民不再主张", Later, data.HandlerId));

        using var db = data.CreateContext();
        Assert.Equal(CaseResolution.ResolvedWithoutAgreement, Load(db, mediation).Resolution);
    }

    [Fact]
    public async Task A_party_owing_a_pending_term_is_kept_until_the_term_is_withdrawn_then_removed_but_stored()
    {
        var id = await WithCompensationAsync(2_000m);
        AssertRefused(id, "Case.Party.OwesPendingTerm", c => c.RemoveParty(CompanyParty(c).Id, "当事人录入错误", Later, data.HandlerId));

        data.Step(id, Later, c => c.WithdrawTerm(c.Terms.Single(t => t.Amount == 2_000m), "义务人录入错误", Later, data.HandlerId));
        data.Step(id, Later, c => c.RemoveParty(CompanyParty(c).Id, "施工单位名称录入错误", Later, data.HandlerId));

        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            var removed = kase.Parties.Single(p => p.Name == Company);
            Assert.True(removed.IsRemoved);
            Assert.Equal(((DateTime?)Later, "施工单位名称录入错误"), (removed.RemovedAtUtc, removed.RemovalReason));
            Assert.Equal(3, kase.Parties.Count);
            Assert.DoesNotContain(db.CaseParties.Where(CaseParty.Present), p => p.Id == removed.Id);
            Assert.Equal($"{Company} — 施工单位名称录入错误",
                db.CaseEvents.Single(e => e.CaseId == id && e.Kind == CaseEventKind.PartyRemoved).Summary);

            // A removed party owes nothing new, and may not be removed twice.
            Assert.Equal("Case.Party.Unknown", Assert.Throws<DomainException>(() =>
                kase.AddTerm(removed.Id, AgreementTermKind.Apology, "书面致歉", null, Due, Later, data.HandlerId)).MessageKey);
            Assert.Equal("Case.Party.Unknown", Assert.Throws<DomainException>(() =>
                kase.AddTerm(removed, AgreementTermKind.Apology, "书面致歉", null, Due, Later, data.HandlerId)).MessageKey);
        }
        AssertRefused(id, "Case.Party.AlreadyRemoved", c => c.RemoveParty(c.Parties.Single(p => p.Name == Company).Id, "再次移除", Later, data.HandlerId));

        // Added again as it should have been: the removed one does not make it a duplicate.
        data.Step(id, Later, c => c.AddParty(CasePartyKind.OutsideOrganisation, Company, null, null, CasePartyRole.ResponsibleUnit, Later, data.HandlerId));
        using (var db = data.CreateContext())
            Assert.Equal(2, Load(db, id).Parties.Count(p => p.Name == Company));
    }

    [Fact]
    public async Task Removing_is_refused_without_a_reason_for_unknown_parties_a_party_that_fulfilled_a_term_and_on_a_closed_case()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        AssertRefused(id, "Validation.ReasonRequired", c => c.RemoveParty(Resident(c).Id, "", Later, data.HandlerId));
        AssertRefused(id, TooLong, c => c.RemoveParty(Resident(c).Id, new string('错', FieldLengths.Reason + 1), Later, data.HandlerId));
        AssertRefused(id, "Case.Party.Unknown", c => c.RemoveParty(0, "录入错误", Later, data.HandlerId));
        AssertRefused(id, "Case.Party.Unknown", c => c.RemoveParty(int.MaxValue, "录入错误", Later, data.HandlerId));

        data.Step(id, Later, c => c.MarkTermFulfilled(Repair(c), new DateOnly(2026, 11, 20), "4盏路灯已更换", Later, data.HandlerId));
        AssertRefused(id, "Case.Party.FulfilledTerm", c => c.RemoveParty(Unit(c).Id, "录入错误", Later, data.HandlerId));

        var closed = await data.ArrangeAsync(Stage.Closed);
        AssertRefused(closed, "Case.Step.RemoveParty", c => c.RemoveParty(Resident(c).Id, "录入错误", Later, data.HandlerId));
    }

    [Fact]
    public async Task A_party_without_terms_is_removed_even_before_acceptance()
    {
        var id = await data.ArrangeAsync(Stage.Registered);
        data.Step(id, Later, c => c.RemoveParty(Unit(c).Id, "并非责任单位", Later, data.HandlerId));
        using var db = data.CreateContext();
        Assert.True(Unit(Load(db, id)).IsRemoved);
    }

    [Fact]
    public async Task Changing_the_handler_records_who_to_whom_and_the_note_and_refuses_an_over_long_note()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        AssertRefused(id, TooLong, c => c.AssignHandler(data.OtherHandlerId, Later, data.HandlerId, new string('交', FieldLengths.Reason + 1), "南区社区 → 铜矿街道"));

        bool changed = false;
        data.Step(id, Later, c => changed = c.AssignHandler(data.OtherHandlerId, Later, data.HandlerId, "原承办人调岗", "南区社区 → 铜矿街道"));

        Assert.True(changed);
        using var db = data.CreateContext();
        Assert.Equal(data.OtherHandlerId, Load(db, id).HandlerUserId);
        Assert.Equal("南区社区 → 铜矿街道 — 原承办人调岗", db.CaseEvents.Single(e => e.CaseId == id && e.Kind == CaseEventKind.HandlerChanged).Summary);
        Assert.False(Load(db, id).AssignHandler(data.OtherHandlerId, Later, data.HandlerId, "again", null));
        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task A_case_whose_terms_are_still_owed_cannot_be_closed_early_until_they_are_withdrawn()
    {
        var id = await WithCompensationAsync(20_000m);
        AssertRefused(id, "Case.CloseEarly.PendingTerms", c => c.CloseEarly(CaseCloseKind.Withdrawn, "居民撤回", Later, data.HandlerId));

        data.Step(id, Later, c =>
        {
            foreach (var term in c.Terms.Where(t => t.Status == AgreementTermStatus.Pending).ToList())
                c.WithdrawTerm(term.Id, "居民撤回申请，条款作废", Later, data.HandlerId);
            c.CloseEarly(CaseCloseKind.Withdrawn, "居民撤回", Later, data.HandlerId);
        });
        using var db = data.CreateContext();
        Assert.Equal((CaseStatus.Closed, CaseCloseKind.Withdrawn), (Load(db, id).Status, Load(db, id).CloseKind));
    }
}

using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Deadlines with the default category (accept within 1 day, an update every 3 days, resolve within 30) at
/// fixed times, and the list filters (<see cref="Case.OverdueAt"/>, <see cref="Case.StaleAt"/>) agreeing with
/// the entity's own answer on SQLite.
/// </summary>
public sealed class CaseDeadlineTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    private static CaseCategory Defaults() => CaseCategory.Create("市政设施", "Municipal facilities", 2);
    private Case Registered(CaseCategory? category = null) => Case.Register(data.StoryDetails(), category ?? Defaults(), RegisteredAt, null);

    [Fact]
    public void A_case_not_accepted_within_a_day_is_overdue()
    {
        var kase = Registered();
        Assert.Equal(RegisteredAt.AddDays(1), kase.AcceptDueAtUtc);
        Assert.False(kase.IsOverdue(RegisteredAt.AddHours(23)));
        Assert.False(kase.IsOverdue(RegisteredAt.AddDays(1)));
        Assert.True(kase.IsOverdue(RegisteredAt.AddDays(1).AddSeconds(1)));

        kase.Accept("handler", RegisteredAt.AddDays(2), null);
        Assert.False(kase.IsOverdue(RegisteredAt.AddDays(2)));
    }

    [Fact]
    public void A_case_without_news_for_three_days_is_stale_and_any_step_or_note_freshens_it()
    {
        var kase = Registered();
        kase.Accept("handler", AcceptedAt, null);
        Assert.Equal(AcceptedAt.AddDays(3), kase.UpdateDueAtUtc);
        Assert.False(kase.IsStale(AcceptedAt.AddDays(3)));
        Assert.True(kase.IsStale(AcceptedAt.AddDays(3).AddMinutes(1)));

        kase.AddProgressNote("已联系大茅山建设公司", AcceptedAt.AddDays(2), null);
        Assert.Equal(AcceptedAt.AddDays(2), kase.LastProgressAtUtc);
        Assert.False(kase.IsStale(AcceptedAt.AddDays(4)));
        Assert.True(kase.IsStale(AcceptedAt.AddDays(5).AddMinutes(1)));
    }

    [Fact]
    public void A_case_not_resolved_within_thirty_days_is_overdue_until_it_is_resolved()
    {
        var kase = Registered();
        kase.Accept("handler", AcceptedAt, null);
        kase.StartMediation(AcceptedAt, null);
        Assert.False(kase.IsOverdue(RegisteredAt.AddDays(30)));
        Assert.True(kase.IsOverdue(RegisteredAt.AddDays(30).AddSeconds(1)));

        kase.Resolve(false, "经解释，居民理解", RegisteredAt.AddDays(31), null);
        Assert.False(kase.IsOverdue(RegisteredAt.AddDays(40)));
        Assert.False(kase.IsStale(RegisteredAt.AddDays(40)));
    }

    [Fact]
    public void A_case_reopened_after_its_deadline_is_overdue_again()
    {
        var kase = Registered();
        kase.Accept("handler", AcceptedAt, null);
        kase.StartMediation(AcceptedAt, null);
        kase.Resolve(false, "已解决", ResolvedAt, null);
        kase.Reopen("居民再次反映", RegisteredAt.AddDays(35), null);
        Assert.True(kase.IsOverdue(RegisteredAt.AddDays(35)));
        Assert.False(kase.IsStale(RegisteredAt.AddDays(35)));
    }

    [Fact]
    public void Closed_cases_are_never_overdue_or_stale()
    {
        var kase = Registered();
        kase.CloseEarly(CaseCloseKind.Duplicate, "重复登记", RegisteredAt.AddHours(1), null);
        Assert.False(kase.IsOverdue(RegisteredAt.AddDays(100)));
        Assert.False(kase.IsStale(RegisteredAt.AddDays(100)));
    }

    [Fact]
    public void A_category_s_own_deadlines_apply_and_changing_the_category_recomputes_them_from_registration()
    {
        var labour = CaseCategory.Create("劳动纠纷", "Labour disputes", 5, acceptWithinDays: 2, updateEveryDays: 5, resolveWithinDays: 15);
        var kase = Registered(labour);
        Assert.Equal((RegisteredAt.AddDays(2), RegisteredAt.AddDays(15), RegisteredAt.AddDays(5)), (kase.AcceptDueAtUtc, kase.ResolveDueAtUtc, kase.UpdateDueAtUtc));

        // Changing the category's deadlines later does not move this case's.
        labour.Update("劳动纠纷", "Labour disputes", 5, 1, 1, 1);
        Assert.Equal(RegisteredAt.AddDays(15), kase.ResolveDueAtUtc);

        var other = CaseCategory.Create("其他", "Other", 7);
        other.Id = 7; // as if stored
        kase.UpdateDetails(data.StoryDetails(), other, AcceptedAt, null);
        Assert.Equal((RegisteredAt.AddDays(1), RegisteredAt.AddDays(30), AcceptedAt.AddDays(3)), (kase.AcceptDueAtUtc, kase.ResolveDueAtUtc, kase.UpdateDueAtUtc));
        Assert.Equal(CaseEventKind.Edited, kase.Events[^1].Kind);
        Assert.Equal("CategoryId", kase.Events[^1].Summary);
    }

    [Fact]
    public void A_term_is_overdue_after_its_due_day_until_fulfilled()
    {
        var kase = Registered();
        var company = kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, RegisteredAt, null);
        kase.Accept("handler", AcceptedAt, null);
        kase.StartMediation(AcceptedAt, null);
        var term = kase.AddTerm(company, AgreementTermKind.Compensation, "赔偿2000元", 2000m, new DateOnly(2026, 11, 10), SessionAt, null);
        Assert.False(term.IsOverdue(new DateOnly(2026, 11, 10)));
        Assert.True(term.IsOverdue(new DateOnly(2026, 11, 11)));
        kase.MarkTermFulfilled(term, new DateOnly(2026, 11, 11), "补交", Utc(2026, 11, 11, 2, 0), null);
        Assert.False(term.IsOverdue(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task Due_soon_means_not_overdue_now_but_overdue_within_three_days()
    {
        var ids = new List<int>();
        foreach (var stage in Enum.GetValues<Stage>()) ids.Add(await data.ArrangeAsync(stage));
        ids.Add(await data.RegisterAsync(at: Utc(2026, 11, 25, 1, 0)));

        DateTime[] moments = [Utc(2026, 11, 2, 12, 0), Utc(2026, 11, 3, 1, 0), Utc(2026, 11, 6, 0, 0), Utc(2026, 11, 25, 2, 0),
            Utc(2026, 11, 29, 0, 0), Utc(2026, 12, 2, 1, 0), Utc(2026, 12, 20, 0, 0)];
        using var db = data.CreateContext();
        var cases = db.Cases.Where(c => ids.Contains(c.Id)).ToList();
        var anyDueSoon = false;
        foreach (var now in moments)
        {
            var dueSoon = db.Cases.Where(c => ids.Contains(c.Id)).Where(Case.DueSoonAt(now)).Select(c => c.Id).OrderBy(i => i).ToList();
            Assert.Equal(cases.Where(c => !c.IsOverdue(now) && c.IsOverdue(now + Case.DueSoonWithin)).Select(c => c.Id).OrderBy(i => i), dueSoon);
            Assert.DoesNotContain(dueSoon, id => cases.Single(c => c.Id == id).IsOverdue(now));
            anyDueSoon |= dueSoon.Count > 0;
        }
        Assert.True(anyDueSoon, "the moments should find a case due soon");
    }

    [Fact]
    public async Task List_filters_find_exactly_the_overdue_and_stale_cases_the_entity_reports()
    {
        var ids = new List<int>();
        foreach (var stage in Enum.GetValues<Stage>()) ids.Add(await data.ArrangeAsync(stage));
        ids.Add(await data.RegisterAsync(at: Utc(2026, 11, 25, 1, 0))); // a fresh one

        DateTime[] moments = [Utc(2026, 11, 2, 12, 0), Utc(2026, 11, 3, 1, 0), Utc(2026, 11, 3, 2, 0), Utc(2026, 11, 6, 0, 0),
            Utc(2026, 11, 9, 0, 0), Utc(2026, 12, 2, 1, 0), Utc(2026, 12, 20, 0, 0)];
        using var db = data.CreateContext();
        var cases = db.Cases.Where(c => ids.Contains(c.Id)).ToList();
        var anyOverdue = false;
        var anyStale = false;
        foreach (var now in moments)
        {
            var overdue = db.Cases.Where(c => ids.Contains(c.Id)).Where(Case.OverdueAt(now)).Select(c => c.Id).OrderBy(i => i).ToList();
            Assert.Equal(cases.Where(c => c.IsOverdue(now)).Select(c => c.Id).OrderBy(i => i), overdue);
            var stale = db.Cases.Where(c => ids.Contains(c.Id)).Where(Case.StaleAt(now)).Select(c => c.Id).OrderBy(i => i).ToList();
            Assert.Equal(cases.Where(c => c.IsStale(now)).Select(c => c.Id).OrderBy(i => i), stale);
            // A list's projection carries the same flags, by the same rules.
            var projected = db.Cases.Where(c => ids.Contains(c.Id)).SelectWithDeadlines(now, (c, isOverdue, isStale) => new { c.Id, isOverdue, isStale }).ToList();
            Assert.Equal(overdue, projected.Where(p => p.isOverdue).Select(p => p.Id).OrderBy(i => i));
            Assert.Equal(stale, projected.Where(p => p.isStale).Select(p => p.Id).OrderBy(i => i));
            Assert.Equal(cases.Where(c => c.IsOverdue(now) || c.IsEscalated && c.IsOpen).Select(c => c.Id).OrderBy(i => i),
                db.Cases.Where(c => ids.Contains(c.Id)).Where(Case.EscalatedOrOverdueAt(now)).Select(c => c.Id).OrderBy(i => i));
            anyOverdue |= overdue.Count > 0;
            anyStale |= stale.Count > 0;
        }
        Assert.True(anyOverdue && anyStale, "the moments should exercise both flags");

        var today = new DateOnly(2026, 11, 13);
        var overdueTerms = db.AgreementTerms.Where(t => ids.Contains(t.CaseId)).Where(AgreementTerm.OverdueOn(today)).Select(t => t.Id).OrderBy(i => i).ToList();
        Assert.Equal(db.AgreementTerms.Where(t => ids.Contains(t.CaseId)).AsEnumerable().Where(t => t.IsOverdue(today)).Select(t => t.Id).OrderBy(i => i), overdueTerms);
        Assert.NotEmpty(overdueTerms);
    }
}

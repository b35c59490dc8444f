using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Every step against every stage of the lifecycle, on cases stored in SQLite and loaded as a web request
/// would load them: a legal step changes the status as the issue says, appends to the timeline and saves;
/// an illegal one is refused with its message and leaves the case — in memory and in the database — as it was.
/// </summary>
public sealed class CaseLifecycleTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    private sealed record StepRule(string Name, string RefusalKey, Stage[] AllowedIn, Action<Case, CaseTestData> Run);

    private static readonly Stage[] Unresolved = [Stage.Registered, Stage.Accepted, Stage.InMediation];
    private static readonly Stage[] NotClosed = [Stage.Registered, Stage.Accepted, Stage.InMediation, Stage.Resolved, Stage.FollowedUp];

    private static readonly StepRule[] Steps =
    [
        new("Accept", "Case.Step.Accept", [Stage.Registered], (c, d) => c.Accept(d.HandlerId, Later, d.HandlerId)),
        new("StartMediation", "Case.Step.StartMediation", [Stage.Accepted], (c, d) => c.StartMediation(Later, d.HandlerId)),
        new("RecordSession", "Case.Step.RecordSession", [Stage.Accepted, Stage.InMediation],
            (c, d) => c.RecordSession(Later.AddHours(-1), "南区社区党群服务中心", "南区社区党委", "刘贤英、社区调解员", "纪要", null, Later, d.HandlerId)),
        new("AddParty", "Case.Step.AddParty", Unresolved,
            (c, d) => c.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, Later, d.HandlerId)),
        new("AddTerm", "Case.Step.AddTerm", [Stage.InMediation],
            (c, d) => c.AddTerm(Unit(c), AgreementTermKind.Apology, "书面致歉", null, new DateOnly(2026, 11, 25), Later, d.HandlerId)),
        new("Resolve", "Case.Step.Resolve", [Stage.InMediation], (c, d) => c.Resolve(true, "达成调解协议", Later, d.HandlerId)),
        new("RecordFollowUp", "Case.Step.FollowUp", [Stage.Resolved, Stage.FollowedUp],
            (c, d) => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Visit, Satisfaction.BasicallySatisfied, true, null, Later, d.HandlerId)),
        new("Close", "Case.Step.Close", [Stage.FollowedUp], (c, d) => c.Close(Later, d.HandlerId)),
        // A duplicate found in mediation: the term entered for it is withdrawn first (terms owed hold a case open).
        new("CloseEarly", "Case.Step.CloseEarly", Unresolved, (c, d) =>
        {
            if (c.IsUnresolved)
                foreach (var term in c.Terms.Where(t => t.Status == AgreementTermStatus.Pending).ToList())
                    c.WithdrawTerm(term.Id, "重复登记，条款作废", Later, d.HandlerId);
            c.CloseEarly(CaseCloseKind.Duplicate, "与JF2026-0003重复", Later, d.HandlerId);
        }),
        new("Escalate", "Case.Step.Escalate", Unresolved, (c, d) => c.Escalate("涉及市政项目，需街道协调", Later, d.HandlerId)),
        new("Reopen", "Case.Step.Reopen", [Stage.Resolved, Stage.FollowedUp, Stage.Closed], (c, d) => c.Reopen("路灯再次损坏", Later, d.HandlerId)),
        new("AddProgressNote", "Case.Step.AddNote", NotClosed, (c, d) => c.AddProgressNote("已电话联系施工方", Later, d.HandlerId)),
        new("UpdateDetails", "Case.Step.Edit", NotClosed,
            (c, d) => c.UpdateDetails(d.StoryDetails() with { Urgency = CaseUrgency.Critical }, c.Category!, Later, d.HandlerId)),
        new("AssignHandler", "Case.Step.AssignHandler", [Stage.Accepted, Stage.InMediation, Stage.Resolved, Stage.FollowedUp],
            (c, d) => c.AssignHandler(d.OtherHandlerId, Later, d.HandlerId)),
    ];

    private static CaseParty Unit(Case c) => c.Parties.Single(p => p.Kind == CasePartyKind.MemberUnit);

    public static TheoryData<string, Stage> Combinations()
    {
        var data = new TheoryData<string, Stage>();
        foreach (var step in Steps)
            foreach (var stage in Enum.GetValues<Stage>())
                data.Add(step.Name, stage);
        return data;
    }

    private static readonly Dictionary<(string, Stage), CaseStatus> StatusAfter = new()
    {
        [("Accept", Stage.Registered)] = CaseStatus.Accepted,
        [("StartMediation", Stage.Accepted)] = CaseStatus.InMediation,
        [("RecordSession", Stage.Accepted)] = CaseStatus.InMediation,
        [("Resolve", Stage.InMediation)] = CaseStatus.Resolved,
        [("RecordFollowUp", Stage.Resolved)] = CaseStatus.FollowedUp,
        [("Close", Stage.FollowedUp)] = CaseStatus.Closed,
        [("CloseEarly", Stage.Registered)] = CaseStatus.Closed,
        [("CloseEarly", Stage.Accepted)] = CaseStatus.Closed,
        [("CloseEarly", Stage.InMediation)] = CaseStatus.Closed,
        [("Reopen", Stage.Resolved)] = CaseStatus.InMediation,
        [("Reopen", Stage.FollowedUp)] = CaseStatus.InMediation,
        [("Reopen", Stage.Closed)] = CaseStatus.InMediation,
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task A_step_is_taken_only_where_the_lifecycle_allows_it(string stepName, Stage stage)
    {
        var step = Steps.Single(s => s.Name == stepName);
        var id = await data.ArrangeAsync(stage);

        using var db = data.CreateContext();
        var kase = Load(db, id);
        var statusBefore = kase.Status;
        var before = Snapshot(kase);

        if (step.AllowedIn.Contains(stage))
        {
            var revision = kase.Revision;
            step.Run(kase, data);
            Assert.True(kase.Revision > revision);
            Assert.NotEmpty(kase.Events);
            Assert.All(kase.Events, e => Assert.Equal(Later, e.AtUtc));
            Assert.Equal(Later, kase.LastProgressAtUtc);
            Assert.Equal(StatusAfter.GetValueOrDefault((stepName, stage), statusBefore), kase.Status);
            db.SaveChanges();

            using var check = data.CreateContext();
            var stored = Load(check, id);
            Assert.Equal(kase.Status, stored.Status);
            Assert.Equal(kase.Revision, stored.Revision);
            Assert.Equal(kase.Events.Count, check.CaseEvents.Count(e => e.CaseId == id && e.AtUtc == Later));
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => step.Run(kase, data));
            Assert.Equal(step.RefusalKey, error.MessageKey);
            Assert.Equal(before, Snapshot(kase));
            Assert.False(db.ChangeTracker.HasChanges(), "a refused step must leave nothing to save");
        }
    }

    private static readonly Dictionary<string, CaseStep> StepOf = new()
    {
        ["Accept"] = CaseStep.Accept, ["StartMediation"] = CaseStep.StartMediation, ["RecordSession"] = CaseStep.RecordSession,
        ["AddParty"] = CaseStep.AddParty, ["AddTerm"] = CaseStep.AddTerm, ["Resolve"] = CaseStep.Resolve, ["RecordFollowUp"] = CaseStep.FollowUp,
        ["Close"] = CaseStep.Close, ["CloseEarly"] = CaseStep.CloseEarly, ["Escalate"] = CaseStep.Escalate, ["Reopen"] = CaseStep.Reopen,
        ["AddProgressNote"] = CaseStep.AddNote, ["UpdateDetails"] = CaseStep.Edit, ["AssignHandler"] = CaseStep.ChangeHandler,
    };

    /// <summary>The case lists as available exactly the steps its methods take in that stage (one rule for both).</summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task A_step_is_listed_as_available_exactly_where_the_lifecycle_allows_it(string stepName, Stage stage)
    {
        var step = Steps.Single(s => s.Name == stepName);
        var id = await data.ArrangeAsync(stage);

        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal(step.AllowedIn.Contains(stage), kase.AvailableSteps().Contains(StepOf[stepName]));
    }

    [Fact]
    public async Task Steps_that_pick_a_term_or_a_party_are_listed_only_while_there_is_one_to_pick()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Contains(CaseStep.RemoveParty, kase.AvailableSteps());
        Assert.Contains(CaseStep.AddTerm, kase.AvailableSteps());
        var pending = kase.Terms.Any(t => t.Status == AgreementTermStatus.Pending);
        Assert.Equal(pending, kase.AvailableSteps().Contains(CaseStep.FulfilTerm));
        Assert.Equal(pending, kase.AvailableSteps().Contains(CaseStep.WithdrawTerm));
        foreach (var term in kase.Terms.Where(t => t.Status == AgreementTermStatus.Pending).ToList())
            kase.WithdrawTerm(term.Id, "录入错误", Later, data.HandlerId);
        Assert.DoesNotContain(CaseStep.FulfilTerm, kase.AvailableSteps());
        Assert.DoesNotContain(CaseStep.WithdrawTerm, kase.AvailableSteps());
        Assert.Contains(CaseStep.Resolve, kase.AvailableSteps());
    }

    [Fact]
    public async Task An_escalated_case_lists_take_over_and_hand_back_but_not_escalate()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Contains(CaseStep.Escalate, kase.AvailableSteps());
        Assert.DoesNotContain(CaseStep.TakeOver, kase.AvailableSteps());
        kase.Escalate("需街道协调", Later, data.HandlerId);
        Assert.DoesNotContain(CaseStep.Escalate, kase.AvailableSteps());
        Assert.Contains(CaseStep.TakeOver, kase.AvailableSteps());
        Assert.Contains(CaseStep.HandBack, kase.AvailableSteps());
        kase.TakeOver(null, null, Later, data.HandlerId);
        Assert.DoesNotContain(CaseStep.TakeOver, kase.AvailableSteps());
        Assert.Contains(CaseStep.HandBack, kase.AvailableSteps());
    }

    [Fact]
    public async Task Recording_a_session_on_an_accepted_case_starts_mediation_first()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        data.Step(id, Later, c => c.RecordSession(Later, "社区", "南区社区党委", "刘贤英", null, null, Later, data.HandlerId));

        using var db = data.CreateContext();
        Assert.Equal(CaseStatus.InMediation, db.Cases.Single(c => c.Id == id).Status);
        Assert.Equal([CaseEventKind.MediationStarted, CaseEventKind.SessionRecorded],
            db.CaseEvents.Where(e => e.CaseId == id && e.AtUtc == Later).OrderBy(e => e.Id).Select(e => e.Kind).ToList());
    }

    [Fact]
    public async Task The_sub_district_takes_over_an_escalated_case_and_hands_it_back()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.Equal("Case.Step.TakeOver", Assert.Throws<DomainException>(() => kase.TakeOver(null, null, Later, data.OtherHandlerId)).MessageKey);
            Assert.Equal("Case.Step.HandBack", Assert.Throws<DomainException>(() => kase.HandBack(null, null, Later, data.OtherHandlerId)).MessageKey);
            Assert.False(db.ChangeTracker.HasChanges());
        }

        data.Step(id, Later, c => c.Escalate("施工方不配合", Later, data.HandlerId));
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.True(kase.IsEscalated);
            Assert.Equal((Later, "施工方不配合"), (kase.EscalatedAtUtc!.Value, kase.EscalationReason));
            Assert.Equal("Case.Step.AlreadyEscalated", Assert.Throws<DomainException>(() => kase.Escalate("again", Later, null)).MessageKey);
        }

        data.Step(id, Later.AddHours(1), c => c.TakeOver(data.OtherHandlerId, "街道牵头协调", Later.AddHours(1), data.OtherHandlerId));
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.True(kase.TakenOverBySubDistrict);
            Assert.Equal(data.OtherHandlerId, kase.HandlerUserId);
            Assert.Equal("Case.Step.TakeOver", Assert.Throws<DomainException>(() => kase.TakeOver(null, null, Later, null)).MessageKey);
            Assert.Contains(db.Cases.Where(Case.EscalatedOrOverdueAt(Later)), c => c.Id == id);
        }

        data.Step(id, Later.AddHours(2), c => c.HandBack(data.HandlerId, "已协调施工方，交回社区跟进", Later.AddHours(2), data.OtherHandlerId));
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.False(kase.IsEscalated);
            Assert.False(kase.TakenOverBySubDistrict);
            Assert.Equal(data.HandlerId, kase.HandlerUserId);
            Assert.Equal(CaseStatus.InMediation, kase.Status);
            Assert.DoesNotContain(db.Cases.Where(Case.EscalatedOrOverdueAt(Later)), c => c.Id == id);
            Assert.Equal([CaseEventKind.Escalated, CaseEventKind.TakenOver, CaseEventKind.HandedBack],
                db.CaseEvents.Where(e => e.CaseId == id && e.AtUtc >= Later).OrderBy(e => e.Id).Select(e => e.Kind).ToList());
        }
    }

    [Fact]
    public async Task An_escalated_case_may_be_handed_back_without_being_taken_over()
    {
        var id = await data.ArrangeAsync(Stage.Registered);
        data.Step(id, Later, c => c.Escalate("需要街道协调", Later, data.HandlerId));
        data.Step(id, Later, c => c.HandBack(null, "社区先行处理", Later, data.OtherHandlerId));
        using var db = data.CreateContext();
        Assert.False(Load(db, id).IsEscalated);
    }

    [Fact]
    public async Task A_case_closed_early_cannot_be_reopened_escalated_or_taken_over()
    {
        var id = await data.ArrangeAsync(Stage.ClosedEarly);
        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal((CaseCloseKind.Withdrawn, "居民撤回"), (kase.CloseKind!.Value, kase.CloseReason));
        Assert.False(kase.IsOpen);
        Assert.Equal("Case.Step.Reopen", Assert.Throws<DomainException>(() => kase.Reopen("x", Later, null)).MessageKey);
        Assert.Equal("Case.Step.TakeOver", Assert.Throws<DomainException>(() => kase.TakeOver(null, null, Later, null)).MessageKey);
        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task A_case_keeps_its_China_calendar_days_and_month_of_resolution_and_loses_them_when_reopened()
    {
        // Resolved on 31 Dec 2026 at 17:00 UTC: already 1 Jan 2027 in China.
        var id = await data.ArrangeAsync(Stage.InMediation);
        var newYearInChina = Utc(2026, 12, 31, 17, 0);
        data.Step(id, newYearInChina, c => c.Resolve(true, "达成调解协议", newYearInChina, data.HandlerId));
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.Equal(DateOnly.FromDateTime(kase.RegisteredAtUtc.AddHours(8)).DayNumber, kase.RegisteredDay);
            Assert.Equal(new DateOnly(2027, 1, 1).DayNumber, kase.ResolvedDay);
            Assert.Equal(202701, kase.ResolvedMonth);
        }

        data.Step(id, newYearInChina.AddDays(3), c => c.RecordFollowUp(new DateOnly(2027, 1, 3), FollowUpMethod.Visit, Satisfaction.Dissatisfied, true, "仍不满意", newYearInChina.AddDays(3), data.HandlerId));
        using var after = data.CreateContext();
        var reopened = Load(after, id);
        Assert.Equal((CaseStatus.InMediation, (int?)null, (int?)null), (reopened.Status, reopened.ResolvedDay, reopened.ResolvedMonth));
    }

    [Fact]
    public async Task A_dissatisfied_follow_up_reopens_the_case_for_mediation()
    {
        var id = await data.ArrangeAsync(Stage.Resolved);
        data.Step(id, Later, c => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Visit, Satisfaction.Dissatisfied, true, "居民认为赔偿偏低", Later, data.HandlerId));

        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal(CaseStatus.InMediation, kase.Status);
        Assert.Equal(1, kase.ReopenCount);
        Assert.Null(kase.Resolution);
        Assert.Null(kase.ResolvedAtUtc);
        Assert.Equal(Satisfaction.Dissatisfied, kase.FollowUps.Single().Satisfaction);
        var events = db.CaseEvents.Where(e => e.CaseId == id && e.AtUtc == Later).OrderBy(e => e.Id).ToList();
        Assert.Equal([CaseEventKind.FollowedUp, CaseEventKind.Reopened], events.Select(e => e.Kind));
        Assert.Equal("居民认为赔偿偏低", events[1].Summary);

        // Mediation goes on: a new term, resolved again.
        kase.AddTerm(Unit(kase), AgreementTermKind.Compensation, "补偿误工费", 500m, new DateOnly(2026, 11, 30), Later, data.HandlerId);
        kase.Resolve(true, "补充协议", Later, data.HandlerId);
        Assert.Equal(CaseStatus.Resolved, kase.Status);
        db.SaveChanges();
    }

    [Fact]
    public async Task A_follow_up_finding_the_agreement_not_honoured_reopens_the_case_even_if_the_resident_is_satisfied()
    {
        var id = await data.ArrangeAsync(Stage.Resolved);
        data.Step(id, Later, c => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Satisfied, false, "路灯尚未更换", Later, data.HandlerId));
        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal((CaseStatus.InMediation, 1), (kase.Status, kase.ReopenCount));
    }

    [Fact]
    public async Task A_closed_case_is_reopened_when_a_term_turns_out_not_honoured()
    {
        var id = await data.ArrangeAsync(Stage.Closed);
        data.Step(id, Later, c => c.Reopen("施工沟槽回填后再次塌陷", Later, data.HandlerId));
        using var db = data.CreateContext();
        var kase = Load(db, id);
        Assert.Equal(CaseStatus.InMediation, kase.Status);
        Assert.Null(kase.ClosedAtUtc);
        Assert.Equal(1, kase.ReopenCount);
        Assert.True(kase.IsOpen);
    }

    [Fact]
    public async Task A_case_cannot_be_closed_while_a_term_is_pending()
    {
        var id = await data.ArrangeAsync(Stage.Resolved);
        // Followed up before the term was carried out: the resident is patient, but the case stays open.
        data.Step(id, Later, c => c.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.BasicallySatisfied, true, null, Later, data.HandlerId));
        using var db = data.CreateContext();
        var kase = Load(db, id);
        var before = Snapshot(kase);
        Assert.Equal("Case.Close.TermsPending", Assert.Throws<DomainException>(() => kase.Close(Later, null)).MessageKey);
        Assert.Equal(before, Snapshot(kase));
    }

    [Fact]
    public async Task Resolving_needs_a_term_for_an_agreement_and_no_pending_term_without_one()
    {
        var accepted = await data.ArrangeAsync(Stage.Accepted);
        data.Step(accepted, Later, c => c.StartMediation(Later, null));
        using (var db = data.CreateContext())
        {
            var kase = Load(db, accepted);
            Assert.Equal("Case.Resolve.NoTerms", Assert.Throws<DomainException>(() => kase.Resolve(true, "达成协议", Later, null)).MessageKey);
            kase.Resolve(false, "经解释说明，居民表示理解", Later, null);
            Assert.Equal(CaseResolution.ResolvedWithoutAgreement, kase.Resolution);
            db.SaveChanges();
        }

        var withTerm = await data.ArrangeAsync(Stage.InMediation);
        using (var db = data.CreateContext())
        {
            var kase = Load(db, withTerm);
            Assert.Equal("Case.Resolve.PendingTermsWithoutAgreement", Assert.Throws<DomainException>(() => kase.Resolve(false, "x", Later, null)).MessageKey);
            Assert.Equal("Case.Resolve.NoteRequired", Assert.Throws<DomainException>(() => kase.Resolve(true, " ", Later, null)).MessageKey);
            Assert.False(db.ChangeTracker.HasChanges());
        }
    }

    [Fact]
    public async Task A_follow_up_says_whether_the_agreement_was_honoured_only_when_there_was_one()
    {
        var withAgreement = await data.ArrangeAsync(Stage.Resolved);
        using (var db = data.CreateContext())
        {
            var kase = Load(db, withAgreement);
            var error = Assert.Throws<DomainException>(() => kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Satisfied, null, null, Later, null));
            Assert.Equal(("Case.FollowUp.HonouredRequired", "AgreementHonoured"), (error.MessageKey, error.Field));
        }

        var accepted = await data.ArrangeAsync(Stage.Accepted);
        data.Step(accepted, Later, c =>
        {
            c.StartMediation(Later, null);
            c.Resolve(false, "居民诉求已转达并解决", Later, null);
        });
        using (var db = data.CreateContext())
        {
            var kase = Load(db, accepted);
            Assert.Equal("Case.FollowUp.NoAgreement",
                Assert.Throws<DomainException>(() => kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Satisfied, true, null, Later, null)).MessageKey);
            kase.RecordFollowUp(new DateOnly(2026, 11, 20), FollowUpMethod.Phone, Satisfaction.Satisfied, null, null, Later, null);
            kase.Close(Later, null);
            db.SaveChanges();
        }
    }

    [Fact]
    public async Task Changing_the_handler_to_the_same_person_records_nothing()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        using var db = data.CreateContext();
        var kase = Load(db, id);
        kase.AssignHandler(data.HandlerId, Later, null);
        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Equal("Case.HandlerRequired", Assert.Throws<DomainException>(() => kase.AssignHandler(" ", Later, null)).MessageKey);
    }

    [Fact]
    public async Task Editing_details_records_which_fields_changed_but_not_their_values()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        using (var db = data.CreateContext())
        {
            var kase = Load(db, id);
            Assert.False(kase.UpdateDetails(data.StoryDetails(), kase.Category!, Later, null));
            Assert.False(db.ChangeTracker.HasChanges());
            Assert.True(kase.UpdateDetails(data.StoryDetails() with { ReporterPhone = "13800001111", Urgency = CaseUrgency.Critical }, kase.Category!, Later, data.HandlerId));
            db.SaveChanges();
        }

        using var check = data.CreateContext();
        var edit = check.CaseEvents.Single(e => e.CaseId == id && e.Kind == CaseEventKind.Edited);
        Assert.Equal("ReporterPhone, Urgency", edit.Summary);
        Assert.Equal("13800001111", check.Cases.Single(c => c.Id == id).ReporterPhone);
    }
}

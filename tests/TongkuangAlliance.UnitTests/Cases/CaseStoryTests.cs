using System.Text.Json;
using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// The source report's story, step by step as the portal will do it — each step loads the case in a fresh
/// context, calls one method and saves: 刘贤英 of 南区社区 fell at night into an unlit sewage-pipe trench; the
/// 4 broken lamps are 铜矿工程部's (三供一业, under warranty), the trench is 大茅山建设公司's (not an alliance
/// member). The community party committee convened both; the unit replaces the lamps, the company pays ¥2,000
/// and fences and backfills the trench; the resident is satisfied and the case is closed.
/// </summary>
public sealed class CaseStoryTests : IDisposable
{
    private readonly CaseTestData _data = new();

    [Fact]
    public async Task The_fall_at_the_unlit_trench_goes_from_intake_to_closed()
    {
        var data = _data;
        var handler = data.HandlerId;
        var versions = new List<Guid>();
        void Step(DateTime at, Action<Case> step)
        {
            data.User.UserId = handler;
            data.Step(CaseId, at, step);
            using var db = data.CreateContext();
            versions.Add(db.Cases.Single(c => c.Id == CaseId).Version);
        }

        // Intake: a walk-in at the community, registered with its number.
        data.User.UserId = handler;
        CaseId = await data.RegisterAsync();
        using (var db = data.CreateContext())
        {
            var kase = db.Cases.Single(c => c.Id == CaseId);
            Assert.Equal("JF2026-0001", kase.Number);
            Assert.Equal((CaseStatus.Registered, CaseKind.Dispute, CaseSource.WalkIn, CaseUrgency.Urgent), (kase.Status, kase.Kind, kase.Source, kase.Urgency));
            Assert.Equal(("刘贤英", ResidentPhone, data.SouthId, (int?)data.JiananId), (kase.ReporterName, kase.ReporterPhone, kase.CommunityId, kase.CompoundId));
            Assert.Equal((RegisteredAt.AddDays(1), RegisteredAt.AddDays(30), RegisteredAt.AddDays(3)), (kase.AcceptDueAtUtc, kase.ResolveDueAtUtc, kase.UpdateDueAtUtc));
            versions.Add(kase.Version);
        }

        // The parties: the resident, the mine's engineering department (an alliance member) and the construction
        // company (an outside organisation).
        Step(RegisteredAt, c =>
        {
            c.AddParty(CasePartyKind.Resident, "刘贤英", ResidentPhone, null, CasePartyRole.Complainant, RegisteredAt, handler);
            c.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, data.MineEngineeringId, CasePartyRole.ResponsibleUnit, RegisteredAt, handler);
            c.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, RegisteredAt, handler);
        });

        Step(AcceptedAt, c => c.Accept(handler, AcceptedAt, handler));

        // The community party committee convenes both units with the resident.
        Step(SessionAt, c =>
        {
            c.RecordSession(SessionAt, "南区社区党群服务中心", "南区社区党委",
                "刘贤英；铜矿工程部代表；大茅山建设公司代表；南区社区调解员", "路灯属三供一业改造工程，尚在保修期；管沟属市政排污管道工程。",
                "达成调解协议", SessionAt, handler);
            var mine = c.Parties.Single(p => p.Name == "铜矿工程部");
            var company = c.Parties.Single(p => p.Name == "大茅山建设公司");
            c.AddTerm(mine, AgreementTermKind.Repair, "更换4盏损坏路灯", null, new DateOnly(2026, 11, 12), SessionAt, handler);
            c.AddTerm(company, AgreementTermKind.Compensation, "一次性赔偿刘贤英医疗等费用", 2000m, new DateOnly(2026, 11, 10), SessionAt, handler);
            c.AddTerm(company, AgreementTermKind.SafetyMeasure, "增设安全围挡并回填管沟", null, new DateOnly(2026, 11, 12), SessionAt, handler);
        });
        Step(ResolvedAt, c => c.Resolve(agreementReached: true, "三方达成调解协议", ResolvedAt, handler));

        // The terms are carried out; the unit marks its own (as a paired unit will in the portal).
        Step(Utc(2026, 11, 9, 2, 0), c => c.MarkTermFulfilled(c.Terms.Single(t => t.Kind == AgreementTermKind.Compensation).Id,
            new DateOnly(2026, 11, 9), "刘贤英签收2000元", Utc(2026, 11, 9, 2, 0), handler));
        using (var db = data.CreateContext())
        {
            var term = db.AgreementTerms.Include(t => t.Case).ThenInclude(c => c!.Parties).Include(t => t.Case).ThenInclude(c => c!.Terms)
                .Single(t => t.CaseId == CaseId && t.Kind == AgreementTermKind.Repair);
            term.MarkFulfilled(new DateOnly(2026, 11, 11), "4盏路灯已更换并通电", Utc(2026, 11, 11, 8, 0), handler);
            db.SaveChanges();
        }
        Step(FulfilledAt, c => c.MarkTermFulfilled(c.Terms.Single(t => t.Kind == AgreementTermKind.SafetyMeasure).Id,
            new DateOnly(2026, 11, 12), "围挡已设置，管沟已回填，社区现场查看", FulfilledAt, handler));

        Step(FollowedUpAt, c => c.RecordFollowUp(new DateOnly(2026, 11, 15), FollowUpMethod.Phone, Satisfaction.Satisfied, true, "居民表示满意", FollowedUpAt, handler));
        Step(ClosedAt, c => c.Close(ClosedAt, handler));

        using var check = data.CreateContext();
        var closed = Load(check, CaseId);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CaseResolution.AgreementReached, closed.Resolution);
        Assert.Equal((AcceptedAt, ResolvedAt, ClosedAt), (closed.AcceptedAtUtc!.Value, closed.ResolvedAtUtc!.Value, closed.ClosedAtUtc!.Value));
        Assert.Null(closed.CloseKind);
        Assert.False(closed.IsOverdue(ClosedAt) || closed.IsStale(Later));

        Assert.Equal(3, closed.Parties.Count);
        var unit = closed.Parties.Single(p => p.Kind == CasePartyKind.MemberUnit);
        Assert.Equal(data.MineEngineeringId, unit.MemberUnitId);
        var company = closed.Parties.Single(p => p.Kind == CasePartyKind.OutsideOrganisation);
        Assert.Null(company.MemberUnitId);

        Assert.All(closed.Terms, t => Assert.Equal(AgreementTermStatus.Fulfilled, t.Status));
        Assert.Equal(2000.00m, closed.Terms.Single(t => t.Amount is not null).Amount);
        Assert.Equal(company.Id, closed.Terms.Single(t => t.Amount is not null).ObligatedPartyId);
        Assert.Equal(unit.Id, closed.Terms.Single(t => t.Kind == AgreementTermKind.Repair).ObligatedPartyId);
        Assert.Equal(new DateOnly(2026, 11, 11), closed.Terms.Single(t => t.Kind == AgreementTermKind.Repair).FulfilledOn);
        Assert.Single(closed.Sessions);
        Assert.Equal(Satisfaction.Satisfied, closed.FollowUps.Single().Satisfaction);

        // The timeline tells the whole story in order, each entry by the handler, no phone number in it.
        var events = check.CaseEvents.Where(e => e.CaseId == CaseId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
        Assert.Equal(
        [
            CaseEventKind.Registered, CaseEventKind.PartyAdded, CaseEventKind.PartyAdded, CaseEventKind.PartyAdded, CaseEventKind.Accepted,
            CaseEventKind.MediationStarted, CaseEventKind.SessionRecorded, CaseEventKind.TermAdded, CaseEventKind.TermAdded, CaseEventKind.TermAdded,
            CaseEventKind.Resolved, CaseEventKind.TermFulfilled, CaseEventKind.TermFulfilled, CaseEventKind.TermFulfilled,
            CaseEventKind.FollowedUp, CaseEventKind.Closed,
        ], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(handler, e.UserId));
        Assert.All(events, e => Assert.DoesNotContain(ResidentPhone, e.Summary, StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == CaseEventKind.TermAdded && e.Summary == "大茅山建设公司 — 一次性赔偿刘贤英医疗等费用 — ¥2,000.00 — 2026-11-10");
        Assert.Equal(events.Count, closed.Revision);

        // Every save renewed the case's version — also those that only changed a term or added a party.
        Assert.Equal(versions.Count, versions.Distinct().Count());

        // And the audit table kept each field's before and after, stamped by the interceptor.
        var caseAudits = check.AuditEntries.Where(a => a.EntityType == nameof(Case) && a.EntityId == CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToList();
        Assert.Equal("Added", caseAudits[0].Action);
        var lastChange = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(caseAudits[^1].Changes)!;
        Assert.Equal((nameof(CaseStatus.FollowedUp), nameof(CaseStatus.Closed)), (lastChange["Status"][0].GetString(), lastChange["Status"][1].GetString()));
        Assert.Equal(3, check.AuditEntries.Count(a => a.EntityType == nameof(AgreementTerm) && a.Action == "Added"));
    }

    private int CaseId { get; set; }

    [Fact]
    public async Task The_story_s_bad_inputs_are_refused_and_nothing_is_saved()
    {
        var id = await _data.ArrangeAsync(Stage.InMediation);
        using var db = _data.CreateContext();
        var kase = Load(db, id);
        var company = kase.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, Later, null);
        db.SaveChanges();
        var before = Snapshot(kase);

        Assert.Equal("Case.Term.AmountNotPositive", Assert.Throws<DomainException>(() =>
            kase.AddTerm(company, AgreementTermKind.Compensation, "赔偿", -2000m, new DateOnly(2026, 11, 10), Later, null)).MessageKey);
        Assert.Equal("Case.Term.DueBeforeOccurrence", Assert.Throws<DomainException>(() =>
            kase.AddTerm(company, AgreementTermKind.SafetyMeasure, "增设安全围挡", null, new DateOnly(2026, 10, 31), Later, null)).MessageKey);
        Assert.Equal(before, Snapshot(kase));
        Assert.False(db.ChangeTracker.HasChanges());
    }

    public void Dispose() => _data.Dispose();
}

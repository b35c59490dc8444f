using TongkuangAlliance.Web.Infrastructure.Localization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>
/// The case page's view model: the case in the user's scope with its parties, sessions, terms, follow-ups and
/// timeline, and the steps shown — those the case's state allows (<see cref="Case.AvailableSteps"/>) that the case
/// handler lets this user take (<see cref="CaseAuthorizationHandler"/>). Null when the case is not in scope.
/// </summary>
public sealed class CaseDetailsQuery(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization, ClaimsPrincipal user)
{
    /// <summary>The query for the signed-in user of <paramref name="controller"/>.</summary>
    public static CaseDetailsQuery For(Microsoft.AspNetCore.Mvc.Controller controller, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization) =>
        new(db, clock, l, authorization, controller.User);

    private sealed record Related(
        IReadOnlyList<EventRow> Events, IReadOnlyDictionary<string, string> Names, IReadOnlyList<StaffRow> Staff,
        VisitRow? FromVisit, IReadOnlyList<Option> Units);

    private sealed record EventRow(long Id, CaseEventKind Kind, string Summary, string? UserId, DateTime AtUtc);

    private sealed record StaffRow(string Id, string DisplayName);

    private sealed record VisitRow(int Id, DateOnly VisitedOn, string Place);

    /// <param name="revealPhone">Show the reporter's whole number (the caller logged the reveal).</param>
    /// <param name="changedSinceEventId">After a refused step: the last timeline entry the user had seen; what came after it is listed.</param>
    /// <param name="revealPartyId">Show this resident party's whole number (the caller logged the reveal).</param>
    /// <param name="revealedIdNumber">A party's whole ID number, unprotected by the caller, who logged the reveal.</param>
    public async Task<CaseDetailsViewModel?> LoadAsync(int id, CancellationToken cancellationToken, bool revealPhone = false, long? changedSinceEventId = null, int? revealPartyId = null,
        (int PartyId, string IdNumber)? revealedIdNumber = null)
    {
        var kase = await db.Cases.AsNoTracking().VisibleTo(user.Scope()).Where(c => c.Id == id)
            .Include(c => c.Community).Include(c => c.Compound).Include(c => c.Grid).Include(c => c.Building).Include(c => c.Handler)
            .IncludeForRules().SingleOrDefaultAsync(cancellationToken);
        if (kase is null) return null;
        var resource = CaseResource.Of(kase);
        if (!await CanAsync(resource, CaseOperations.View)) return null;

        var related = await RelatedAsync(kase, cancellationToken);
        var seesMediation = await CanAsync(resource, CaseOperations.SeeMediationContent);
        var allowed = new HashSet<CaseStep>();
        foreach (var step in kase.AvailableSteps())
            if (await CanAsync(resource, CaseOperations.For(step))) allowed.Add(step);

        return Build(kase, related, new Shown(revealPhone, revealPartyId, seesMediation, await CanAsync(resource, CaseOperations.PrintAgreement), allowed)
        {
            RevealedIdNumber = revealedIdNumber,
        }, changedSinceEventId);
    }

    /// <summary>What this user is shown of the case: whole phone numbers, mediation content, the print link, the steps.</summary>
    private sealed record Shown(bool RevealPhone, int? RevealPartyId, bool SeesMediation, bool CanPrintAgreement, IReadOnlySet<CaseStep> Steps)
    {
        public (int PartyId, string IdNumber)? RevealedIdNumber { get; init; }
    }

    private CaseDetailsViewModel Build(Case kase, Related related, Shown shown, long? changedSinceEventId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timeline = related.Events.Select(e => (e.Id, Item: new EventItem(e.Kind, EventSummary(e.Kind, e.Summary, shown.SeesMediation),
            e.UserId is null ? null : related.Names.GetValueOrDefault(e.UserId), e.AtUtc))).ToList();
        return new CaseDetailsViewModel
        {
            Id = kase.Id,
            Number = kase.Number,
            Version = kase.Version,
            Kind = kase.Kind,
            Source = kase.Source,
            Status = kase.Status,
            State = kase.StateOf(),
            Urgency = kase.Urgency,
            Title = kase.Title,
            Description = kase.Description,
            ReporterName = kase.ReporterName,
            ReporterPhone = shown.RevealPhone ? kase.ReporterPhone : ChinesePhone.Mask(kase.ReporterPhone),
            PhoneRevealed = shown.RevealPhone,
            CommunityName = kase.Community!.Name,
            CompoundName = kase.Compound?.Name,
            GridName = kase.Grid?.Name,
            BuildingName = kase.Building?.Name,
            CategoryName = PortalCultures.IsEnglish ? kase.Category!.NameEn : kase.Category!.Name,
            OccurredAtUtc = kase.OccurredAtUtc,
            RegisteredAtUtc = kase.RegisteredAtUtc,
            AcceptedAtUtc = kase.AcceptedAtUtc,
            AcceptDueAtUtc = kase.AcceptDueAtUtc,
            ResolveDueAtUtc = kase.ResolveDueAtUtc,
            UpdateDueAtUtc = kase.UpdateDueAtUtc,
            HandlerName = kase.Handler?.DisplayName,
            IsOverdue = kase.IsOverdue(now),
            IsStale = kase.IsStale(now),
            IsEscalated = kase.IsEscalated,
            TakenOverBySubDistrict = kase.TakenOverBySubDistrict,
            Resolution = kase.Resolution,
            ResolutionNote = kase.ResolutionNote,
            CloseKind = kase.CloseKind,
            CloseReason = kase.CloseReason,
            Parties = Parties(kase, shown.RevealPartyId, shown.RevealedIdNumber, ChinaTime.Today(clock)),
            Sessions = shown.SeesMediation ? kase.Sessions.OrderBy(s => s.HeldAtUtc).Select(s => new SessionItem(s.HeldAtUtc, s.Place, s.ConvenedBy, s.Attendees, s.Minutes, s.Outcome)).ToList() : [],
            SessionsWithheld = shown.SeesMediation ? 0 : kase.Sessions.Count,
            CanPrintAgreement = shown.CanPrintAgreement,
            Terms = Terms(kase),
            FollowUps = kase.FollowUps.OrderBy(f => f.Date).Select(f => new FollowUpItem(f.Date, f.Method, f.Satisfaction, f.AgreementHonoured, f.Note)).ToList(),
            Events = timeline.Select(e => e.Item).ToList(),
            LastEventId = related.Events.Count == 0 ? 0 : related.Events[^1].Id,
            ChangedMeanwhile = changedSinceEventId is { } seen ? timeline.Where(e => e.Id > seen).Select(e => e.Item).ToList() : null,
            Handlers = related.Staff.OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id, u.Id == (kase.HandlerUserId ?? Me))).ToList(),
            MemberUnits = related.Units,
            FromVisitId = related.FromVisit?.Id,
            FromVisit = related.FromVisit is { } visit ? $"{Display.Date(visit.VisitedOn)} {visit.Place}" : null,
            Steps = new CaseSteps(shown.Steps),
            Corrections = new CaseCorrections(shown.Steps) { HandlerUserId = kase.HandlerUserId },
        };
    }

    private string? Me => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<bool> CanAsync(CaseResource resource, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;

    /// <summary>What the page shows beside the case itself: timeline, names, eligible handlers, the visit it came from, member units.</summary>
    private async Task<Related> RelatedAsync(Case kase, CancellationToken cancellationToken)
    {
        var id = kase.Id;
        var subDistrictId = kase.Community!.SubDistrictId;
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Id, e.Kind, e.Summary, e.UserId, e.AtUtc)).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().EligibleHandlers(subDistrictId, kase.CommunityId, kase.GridId)
            .Select(u => new StaffRow(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var eventUserIds = events.Select(e => e.UserId).Where(u => u is not null).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => eventUserIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var fromVisit = await db.Visits.AsNoTracking().Where(v => v.CaseId == id)
            .Select(v => new VisitRow(v.Id, v.VisitedOn, v.Place)).SingleOrDefaultAsync(cancellationToken);
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.SubDistrictId == subDistrictId).OrderBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name)).ToListAsync(cancellationToken);
        return new Related(events, names, staff, fromVisit, units);
    }

    private static List<PartyItem> Parties(Case kase, int? revealPartyId, (int PartyId, string IdNumber)? revealedId, DateOnly today) =>
        kase.Parties.OrderBy(p => p.Id).Select(p => new PartyItem(p.Id, p.Kind, p.Name,
            p.Phone is null ? null : p.Id == revealPartyId ? p.Phone : ChinesePhone.Mask(p.Phone), p.Role, PhoneShown: p.Id == revealPartyId,
            Removed: p.RemovedAtUtc is { } removedAt ? new Correction(removedAt, p.RemovalReason ?? "") : null)
        {
            Info = new PartyInfo(p.Gender, p.BirthDate, p.AgeOn(today), p.Ethnicity, p.Occupation, p.Address,
                revealedId is { } r && r.PartyId == p.Id ? r.IdNumber : p.IdNumberMasked,
                p.RepresentativeName, p.RepresentativeTitle, p.ContactPerson, p.AgentName),
            IdNumberShown = revealedId is { } shownId && shownId.PartyId == p.Id,
        }).ToList();

    private List<TermItem> Terms(Case kase)
    {
        var today = ChinaTime.Today(clock);
        var parties = kase.Parties.ToDictionary(p => p.Id, p => p.Name);
        return kase.Terms.OrderBy(t => t.Id).Select(t => new TermItem(t.Id, parties.GetValueOrDefault(t.ObligatedPartyId, ""), t.Kind, t.Description,
            t.Amount, t.DueDate, t.Status, t.IsOverdue(today), t.FulfilledOn, t.ProofNote,
            t.IsInForce ? null : new Correction(t.WithdrawnAtUtc ?? default, t.WithdrawalReason ?? ""))).ToList();
    }

    /// <summary>
    /// A timeline entry's summary as shown: an edit names its fields in the user's language; a session's place and
    /// outcome are mediation content, left out for whoever may not see the sessions.
    /// </summary>
    private string EventSummary(CaseEventKind kind, string summary, bool seesMediation) => kind switch
    {
        CaseEventKind.Edited => string.Join(l["Common.ListSeparator"].Value, summary.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(field => FieldNames.Of(l, field))),
        CaseEventKind.SessionRecorded when !seesMediation => "",
        _ => summary,
    };
}

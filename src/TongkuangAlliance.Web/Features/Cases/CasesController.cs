using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>
/// 多元解纷中心: the case list (with export), intake, the case page and one POST per lifecycle step.
/// Staff only (sub-district and community committees, and grid workers for the cases of their grids); a case
/// outside the user's scope answers 404.
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
public sealed partial class CasesController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, Microsoft.Extensions.Configuration.IConfiguration configuration) : Controller
{
    /// <summary>Rows one export may hold (setting Cases:ExportLimit): a bigger selection is refused, never cut short.</summary>
    private int ExportLimit => configuration.GetValue("Cases:ExportLimit", 10_000);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    // ---- list and export -------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(CaseFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var now = Now;
        var list = await Project(Filter(filter, now), now).ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l[filter.Mine ? "Cases.Mine" : "Cases.Title"];
        return View(new CaseIndexViewModel
        {
            Cases = list,
            Filter = filter,
            ShowCommunityFilter = scope.Role == PortalRole.SubDistrictCommittee,
            Communities = scope.Role == PortalRole.SubDistrictCommittee
                ? await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken)
                : [],
            Categories = await CategoriesAsync(activeOnly: false, cancellationToken),
        });
    }

    /// <summary>The menu's "my cases" entry.</summary>
    [HttpGet]
    public IActionResult Mine() => RedirectToAction(nameof(Index), new { mine = true });

    [HttpGet]
    public async Task<IActionResult> Export(CaseFilter filter, CancellationToken cancellationToken)
    {
        var now = Now;
        var limit = ExportLimit;
        var rows = await Project(Filter(filter, now), now).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count > limit)
        {
            // A spreadsheet quietly missing rows would be read as complete: ask for a narrower selection instead.
            TempData["Error"] = l["Cases.ExportTooMany", limit].Value;
            return Redirect(Url.Action(nameof(Index)) + Request.QueryString);
        }
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [l["Field.CaseNumber"]] = r.Number,
            [l["Field.CaseKind"]] = l[$"CaseKind.{r.Kind}"].Value,
            [l["Field.CaseTitle"]] = r.Title,
            [l["Field.Community"]] = r.CommunityName,
            [l["Field.Category"]] = r.CategoryName,
            [l["Field.Status"]] = l[$"CaseStatus.{r.Status}"].Value,
            [l["Cases.Overdue"]] = r.IsOverdue ? l["Common.Yes"].Value : "",
            [l["Cases.Stale"]] = r.IsStale ? l["Common.Yes"].Value : "",
            [l["Field.Handler"]] = r.HandlerName ?? "",
            [l["Field.RegisteredAt"]] = Display.ChinaDateTime(r.RegisteredAtUtc),
            [l["Field.ReporterName"]] = r.ReporterName,
            [l["Field.ReporterPhone"]] = r.MaskedPhone,
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        stream.Position = 0;
        var name = $"cases-{ChinaTime.FromUtc(now):yyyyMMdd-HHmm}.xlsx";
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private IQueryable<Case> Filter(CaseFilter f, DateTime now)
    {
        var scope = User.Scope();
        var query = db.Cases.AsNoTracking().VisibleTo(scope);
        if (f.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (f.Status is { } status) query = query.Where(c => c.Status == status);
        if (f.CommunityId is { } communityId) query = query.Where(c => c.CommunityId == communityId);
        if (f.CategoryId is { } categoryId) query = query.Where(c => c.CategoryId == categoryId);
        if (f.Overdue) query = query.Where(Case.OverdueAt(now));
        if (f.Escalated) query = query.Where(c => c.IsEscalated);
        if (f.Attention) query = query.Where(Case.EscalatedOrOverdueAt(now));
        if (f.Mine)
        {
            var me = Me;
            query = query.Where(c => c.HandlerUserId == me);
        }
        if (f.From is { } from)
        {
            var fromUtc = ReportPeriod.StartUtc(from);
            query = query.Where(c => c.RegisteredAtUtc >= fromUtc);
        }
        if (f.To is { } to)
        {
            var toUtc = ReportPeriod.EndUtcExclusive(to);
            query = query.Where(c => c.RegisteredAtUtc < toUtc);
        }
        if (f.GridId is { } gridId) query = query.Where(c => c.GridId == gridId);
        if (f.CompoundId is { } compoundId) query = query.Where(c => c.CompoundId == compoundId);
        if (f.ResolvedFrom is not null || f.ResolvedTo is not null)
        {
            var fromUtc = ReportPeriod.StartUtc(f.ResolvedFrom ?? DateOnly.MinValue);
            var toUtc = ReportPeriod.EndUtcExclusive(f.ResolvedTo ?? DateOnly.MaxValue);
            query = query.Where(DashboardRules.ResolvedIn(fromUtc, toUtc));
        }
        if (f.Open) query = query.Where(Case.Unresolved);
        if (f.Resolved) query = query.Where(DashboardRules.HasResolution);
        if (f.NeverEscalated) query = query.Where(DashboardRules.NeverEscalated);
        if (f.FollowedFrom is not null || f.FollowedTo is not null)
        {
            var followedFrom = f.FollowedFrom ?? DateOnly.MinValue;
            var followedTo = f.FollowedTo ?? DateOnly.MaxValue;
            query = query.Where(f.Satisfied ? DashboardRules.SatisfiedIn(followedFrom, followedTo) : DashboardRules.FollowedUpIn(followedFrom, followedTo));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            // A whole case number (JF2026-0001) is looked up by the unique index; anything else searches the texts.
            var number = q.ToUpperInvariant();
            query = CaseNumberPattern().IsMatch(q)
                ? query.Where(c => c.Number == number)
                : query.Where(c => c.Number.Contains(q) || c.ReporterName.Contains(q) || c.Title.Contains(q) || c.Description.Contains(q));
        }
        return f.Sort switch
        {
            "oldest" => query.OrderBy(c => c.RegisteredAtUtc).ThenBy(c => c.Id),
            "due" => query.OrderBy(c => c.ResolveDueAtUtc).ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.RegisteredAtUtc).ThenByDescending(c => c.Id),
        };
    }

    private static IQueryable<CaseListItem> Project(IQueryable<Case> cases, DateTime now)
    {
        var unresolved = new[] { CaseStatus.Registered, CaseStatus.Accepted, CaseStatus.InMediation };
        return cases.Select(c => new CaseListItem(
            c.Id, c.Number, c.Kind, c.Title, c.Community!.Name, c.Category!.Name, c.Status,
            unresolved.Contains(c.Status) && ((c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < now) || c.ResolveDueAtUtc < now),
            unresolved.Contains(c.Status) && c.UpdateDueAtUtc < now,
            c.IsEscalated,
            c.Handler != null ? c.Handler.DisplayName : null,
            c.RegisteredAtUtc, c.ReporterName, c.ReporterPhone));
    }

    private Task<List<Option>> CategoriesAsync(bool activeOnly, CancellationToken cancellationToken) =>
        db.CaseCategories.AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);

    // ---- intake and edit -------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Create(int? communityId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var input = new CaseInput { CommunityId = scope.CommunityId ?? communityId ?? 0 };
        ViewData["Title"] = l["Cases.Create"];
        return View("Edit", await FormAsync(input, null, null, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CaseInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Cases.Create"];
        var scope = User.Scope();
        if (scope.CommunityId is { } own) input.CommunityId = own;
        var category = await CheckIntakeAsync(input, cancellationToken);
        if (ModelState.IsValid && category is not null)
        {
            try
            {
                var kase = Case.Register(Details(input), category, Now, Me);
                db.Cases.Add(kase);
                await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
                TempData["Success"] = l["Cases.Created", kase.Number].Value;
                return RedirectToAction(nameof(Details), new { id = kase.Id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l, InputPrefix);
            }
        }
        return View("Edit", await FormAsync(input, null, null, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return NotFound();
        ViewData["Title"] = l["Cases.Edit", kase.Number];
        var input = new CaseInput
        {
            // The whole number is never put on the form: showing it is the logged RevealPhone step. Left empty, it stays.
            Kind = kase.Kind, Source = kase.Source, ReporterName = kase.ReporterName, ReporterPhone = null,
            CommunityId = kase.CommunityId, CompoundId = kase.CompoundId, GridId = kase.GridId, BuildingId = kase.BuildingId,
            CategoryId = kase.CategoryId, Title = kase.Title, Description = kase.Description,
            OccurredAt = ChinaTime.FromUtc(kase.OccurredAtUtc), Urgency = kase.Urgency, Version = kase.Version,
        };
        return View(await FormAsync(input, id, kase.Number, cancellationToken, ChinesePhone.Mask(kase.ReporterPhone)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, CaseInput input, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return NotFound();
        ViewData["Title"] = l["Cases.Edit", kase.Number];
        var keepPhone = string.IsNullOrWhiteSpace(input.ReporterPhone);
        if (keepPhone) ModelState.Remove($"{InputPrefix}.{nameof(CaseInput.ReporterPhone)}");
        var category = await CheckIntakeAsync(input, cancellationToken);
        if (ModelState.IsValid && category is not null)
        {
            db.Entry(kase).Property(c => c.Version).OriginalValue = input.Version;
            try
            {
                kase.UpdateDetails(Details(input, keepPhone ? kase.ReporterPhone : null), category, Now, Me);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Common.Saved"].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l, InputPrefix);
            }
            catch (DbUpdateConcurrencyException)
            {
                var current = await db.Cases.AsNoTracking().Where(c => c.Id == id)
                    .Include(c => c.Category).Include(c => c.Community).Include(c => c.Compound).Include(c => c.Grid).Include(c => c.Building)
                    .SingleAsync(cancellationToken);
                this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
                {
                    [l["Field.CaseKind"]] = l[$"CaseKind.{current.Kind}"],
                    [l["Field.CaseSource"]] = l[$"CaseSource.{current.Source}"],
                    [l["Field.ReporterName"]] = current.ReporterName,
                    [l["Field.ReporterPhone"]] = ChinesePhone.Mask(current.ReporterPhone),
                    [l["Field.Community"]] = current.Community!.Name,
                    [l["Field.Compound"]] = current.Compound?.Name,
                    [l["Field.Grid"]] = current.Grid?.Name,
                    [l["Field.Building"]] = current.Building?.Name,
                    [l["Field.Category"]] = current.Category!.Name,
                    [l["Field.CaseTitle"]] = current.Title,
                    [l["Field.Description"]] = current.Description,
                    [l["Field.OccurredAt"]] = Display.ChinaDateTime(current.OccurredAtUtc),
                    [l["Field.Urgency"]] = l[$"CaseUrgency.{current.Urgency}"],
                    [l["Field.Status"]] = l[$"CaseStatus.{current.Status}"],
                });
                ModelState.Remove($"{nameof(CaseFormViewModel.Input)}.{nameof(CaseInput.Version)}");
                input.Version = current.Version;
            }
        }
        return View(await FormAsync(input, id, kase.Number, cancellationToken, ChinesePhone.Mask(kase.ReporterPhone)));
    }

    /// <summary>Domain errors of the intake name the case's field; on the form it sits under Input.</summary>
    private const string InputPrefix = nameof(CaseFormViewModel.Input);

    private static CaseDetails Details(CaseInput input, string? storedPhone = null) => new(
        input.Kind, input.Source, input.ReporterName, storedPhone ?? input.ReporterPhone, input.CommunityId,
        input.CompoundId, input.BuildingId, input.GridId, input.Title, input.Description,
        ChinaTime.ToUtc(input.OccurredAt ?? default), input.Urgency);

    /// <summary>Checks the choices against the user's scope: community, its compound/grid/building, an active category.</summary>
    private async Task<CaseCategory?> CheckIntakeAsync(CaseInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        const string prefix = nameof(CaseFormViewModel.Input) + ".";
        if (!await db.Communities.VisibleTo(scope).AnyAsync(c => c.Id == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.CommunityId), l["Case.CommunityRequired"]);
        if (input.CompoundId is { } compoundId && !await db.Compounds.AnyAsync(c => c.Id == compoundId && c.CommunityId == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.CompoundId), l["Case.InvalidChoice"]);
        if (input.GridId is { } gridId && !await db.Grids.AnyAsync(g => g.Id == gridId && g.CommunityId == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.GridId), l["Case.InvalidChoice"]);
        // A grid worker logs cases in its own grids only (else it could not see what it logged).
        if (scope.Role == PortalRole.GridWorker && (input.GridId is not { } ownGrid || !scope.GridIds.Contains(ownGrid)))
            ModelState.AddModelError(prefix + nameof(input.GridId), l["Case.GridWorkerGridRequired"]);
        if (input.BuildingId is { } buildingId && !await db.Buildings.AnyAsync(b => b.Id == buildingId && b.Grid!.CommunityId == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.BuildingId), l["Case.InvalidChoice"]);
        if (input.OccurredAt is { } occurred && ChinaTime.IsInRange(occurred) && ChinaTime.ToUtc(occurred) > Now)
            ModelState.AddModelError(prefix + nameof(input.OccurredAt), l["Case.OccurredInFuture"]);
        if (input.CategoryId is not { } categoryId) return null;
        var category = await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null) ModelState.AddModelError(prefix + nameof(input.CategoryId), l["Case.InvalidChoice"]);
        return category;
    }

    private async Task<CaseFormViewModel> FormAsync(CaseInput input, int? id, string? number, CancellationToken cancellationToken, string? currentPhoneMasked = null)
    {
        var scope = User.Scope();
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
        var communityId = input.CommunityId;
        return new CaseFormViewModel
        {
            Input = input,
            CurrentPhoneMasked = currentPhoneMasked,
            Id = id,
            Number = number,
            Communities = communities,
            CommunityFixed = scope.Role is PortalRole.CommunityCommittee or PortalRole.GridWorker,
            CommunityName = communities.FirstOrDefault(c => c.Id == communityId)?.Name,
            Compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityId == communityId).OrderBy(c => c.Name)
                .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken),
            Grids = await db.Grids.AsNoTracking().WorkableBy(scope).Where(g => g.CommunityId == communityId).OrderBy(g => g.Name)
                .Select(g => new Option(g.Id, g.Name)).ToListAsync(cancellationToken),
            Buildings = await db.Buildings.AsNoTracking().Where(b => b.Grid!.CommunityId == communityId).OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name)
                .Select(b => new Option(b.Id, b.Compound!.Name + " " + b.Name)).ToListAsync(cancellationToken),
            Categories = await CategoriesAsync(activeOnly: true, cancellationToken),
        };
    }

    // ---- the case page ---------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsModelAsync(id, revealPhone: false, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>
    /// Shows the reporter's whole number once — or, with <paramref name="partyId"/>, a resident party's — and logs who
    /// looked (never the number itself).
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> RevealPhone(int id, int? partyId, CancellationToken cancellationToken)
    {
        var exists = await db.Cases.VisibleTo(User.Scope()).AnyAsync(c => c.Id == id, cancellationToken);
        if (!exists) return NotFound();
        if (partyId is { } party && !await db.CaseParties.AnyAsync(p => p.Id == party && p.CaseId == id && p.Phone != null, cancellationToken))
            return NotFound();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = Now,
            UserId = Me,
            EntityType = partyId is null ? "Case" : "CaseParty",
            EntityId = (partyId ?? id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "PhoneRevealed",
            Changes = "{}",
        });
        await db.SaveChangesAsync(cancellationToken);
        var model = await DetailsModelAsync(id, revealPhone: partyId is null, cancellationToken, revealPartyId: partyId);
        return model is null ? NotFound() : View(nameof(Details), model);
    }

    /// <summary>
    /// Mediation content (sessions' attendees, minutes, outcome) is for the handling community and the sub-district:
    /// a grid worker sees it only while it handles the case itself, as the community's handler.
    /// </summary>
    private static bool SeesMediation(Case kase, UserScope scope, string? me) =>
        scope.Role is PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee || (me is not null && kase.HandlerUserId == me);

    /// <param name="changedSinceEventId">After a refused step: the last timeline entry the user had seen; what came after it is listed.</param>
    private async Task<CaseDetailsViewModel?> DetailsModelAsync(int id, bool revealPhone, CancellationToken cancellationToken, long? changedSinceEventId = null, int? revealPartyId = null)
    {
        var scope = User.Scope();
        var kase = await db.Cases.AsNoTracking().VisibleTo(scope).Where(c => c.Id == id)
            .Include(c => c.Community).Include(c => c.Compound).Include(c => c.Grid).Include(c => c.Building).Include(c => c.Handler)
            .IncludeForRules().SingleOrDefaultAsync(cancellationToken);
        if (kase is null) return null;

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.Summary, e.UserId, e.AtUtc }).ToListAsync(cancellationToken);
        var subDistrictId = kase.Community!.SubDistrictId;
        var gridId = kase.GridId;
        var staff = await db.Users.AsNoTracking()
            .Where(u => (u.Role == PortalRole.CommunityCommittee && u.CommunityId == kase.CommunityId)
                        || (u.Role == PortalRole.SubDistrictCommittee && u.SubDistrictId == subDistrictId)
                        || (u.Role == PortalRole.GridWorker && gridId != null && u.GridLinks.Any(g => g.GridId == gridId)))
            .Select(u => new { u.Id, u.DisplayName, u.IsActive }).ToListAsync(cancellationToken);
        var eventUserIds = events.Select(e => e.UserId).Where(u => u is not null).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => eventUserIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var fromVisit = await db.Visits.AsNoTracking().Where(v => v.CaseId == id)
            .Select(v => new { v.Id, v.VisitedOn, v.Place }).SingleOrDefaultAsync(cancellationToken);
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.SubDistrictId == subDistrictId).OrderBy(u => u.Name)
            .Select(u => new Option(u.Id, u.Name)).ToListAsync(cancellationToken);

        var now = Now;
        var today = ChinaTime.Today(clock);
        var me = Me;
        var subDistrict = scope.Role == PortalRole.SubDistrictCommittee;
        var unresolved = kase.IsUnresolved;
        var seesMediation = SeesMediation(kase, scope, me);
        var parties = kase.Parties.ToDictionary(p => p.Id, p => p.Name);
        var timeline = events.Select(e => new { e.Id, Item = new EventItem(e.Kind, EventSummary(e.Kind, e.Summary, seesMediation),
            e.UserId is null ? null : names.GetValueOrDefault(e.UserId), e.AtUtc) }).ToList();
        ViewData["Title"] = $"{kase.Number} {kase.Title}";
        return new CaseDetailsViewModel
        {
            Id = kase.Id,
            Number = kase.Number,
            Version = kase.Version,
            Kind = kase.Kind,
            Source = kase.Source,
            Status = kase.Status,
            Urgency = kase.Urgency,
            Title = kase.Title,
            Description = kase.Description,
            ReporterName = kase.ReporterName,
            ReporterPhone = revealPhone ? kase.ReporterPhone : ChinesePhone.Mask(kase.ReporterPhone),
            PhoneRevealed = revealPhone,
            CommunityName = kase.Community.Name,
            CompoundName = kase.Compound?.Name,
            GridName = kase.Grid?.Name,
            BuildingName = kase.Building?.Name,
            CategoryName = kase.Category!.Name,
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
            Parties = kase.Parties.OrderBy(p => p.Id).Select(p => new PartyItem(p.Id, p.Kind, p.Name,
                p.Phone is null ? null : p.Id == revealPartyId ? p.Phone : ChinesePhone.Mask(p.Phone), p.Role, PhoneShown: p.Id == revealPartyId,
                Removed: p.RemovedAtUtc is { } removedAt ? new Correction(removedAt, p.RemovalReason ?? "") : null)).ToList(),
            Sessions = seesMediation ? kase.Sessions.OrderBy(s => s.HeldAtUtc).Select(s => new SessionItem(s.HeldAtUtc, s.Place, s.ConvenedBy, s.Attendees, s.Minutes, s.Outcome)).ToList() : [],
            SessionsWithheld = seesMediation ? 0 : kase.Sessions.Count,
            CanPrintAgreement = scope.Role is PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee,
            Terms = kase.Terms.OrderBy(t => t.Id).Select(t => new TermItem(t.Id, parties.GetValueOrDefault(t.ObligatedPartyId, ""), t.Kind, t.Description, t.Amount, t.DueDate, t.Status, t.IsOverdue(today), t.FulfilledOn, t.ProofNote,
                t.IsInForce ? null : new Correction(t.WithdrawnAtUtc ?? default, t.WithdrawalReason ?? ""))).ToList(),
            FollowUps = kase.FollowUps.OrderBy(f => f.Date).Select(f => new FollowUpItem(f.Date, f.Method, f.Satisfaction, f.AgreementHonoured, f.Note)).ToList(),
            Events = timeline.Select(e => e.Item).ToList(),
            LastEventId = events.Count == 0 ? 0 : events[^1].Id,
            ChangedMeanwhile = changedSinceEventId is { } seen ? timeline.Where(e => e.Id > seen).Select(e => e.Item).ToList() : null,
            Handlers = staff.Where(u => u.IsActive).OrderBy(u => u.DisplayName)
                .Select(u => new SelectListItem(u.DisplayName, u.Id, u.Id == (kase.HandlerUserId ?? me))).ToList(),
            MemberUnits = units,
            FromVisitId = fromVisit?.Id,
            FromVisit = fromVisit is null ? null : $"{Display.Date(fromVisit.VisitedOn)} {fromVisit.Place}",
            Steps = new CaseSteps(
                Edit: kase.IsOpen,
                Accept: kase.Status == CaseStatus.Registered,
                StartMediation: kase.Status == CaseStatus.Accepted,
                AddParty: unresolved,
                RecordSession: seesMediation && kase.Status is CaseStatus.Accepted or CaseStatus.InMediation,
                AddTerm: kase.Status == CaseStatus.InMediation && kase.Parties.Any(p => !p.IsRemoved),
                FulfilTerm: kase.Status is CaseStatus.InMediation or CaseStatus.Resolved or CaseStatus.FollowedUp
                            && kase.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
                Resolve: kase.Status == CaseStatus.InMediation,
                FollowUp: kase.Status is CaseStatus.Resolved or CaseStatus.FollowedUp,
                Close: kase.Status == CaseStatus.FollowedUp,
                CloseEarly: unresolved,
                Escalate: unresolved && !kase.IsEscalated,
                TakeOver: subDistrict && kase.IsOpen && kase.IsEscalated && !kase.TakenOverBySubDistrict,
                HandBack: subDistrict && kase.IsOpen && kase.IsEscalated,
                Reopen: kase.Status is CaseStatus.Resolved or CaseStatus.FollowedUp || (kase.Status == CaseStatus.Closed && kase.CloseKind is null),
                AddNote: kase.IsOpen),
            Corrections = CorrectionsOf(kase, scope),
        };
    }

    // ---- steps -----------------------------------------------------------------------------------------

    [HttpPost]
    public async Task<IActionResult> Accept(int id, Guid version, string? handlerUserId, CancellationToken cancellationToken) =>
        await StepAsync(id, version, async kase =>
        {
            if (!await IsStaffOfAsync(kase, handlerUserId, cancellationToken))
                throw new DomainException("Case.HandlerRequired", "HandlerUserId");
            kase.Accept(handlerUserId, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> StartMediation(int id, Guid version, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.StartMediation(Now, Me), cancellationToken);

    [HttpPost]
    public async Task<IActionResult> AddParty(int id, Guid version, CasePartyKind kind, string? name, string? phone, int? memberUnitId, CasePartyRole role, CancellationToken cancellationToken) =>
        await StepAsync(id, version, async kase =>
        {
            if (kind == CasePartyKind.MemberUnit)
            {
                var subDistrictId = User.Scope().SubDistrictId;
                var unit = memberUnitId is { } unitId
                    ? await db.MemberUnits.AsNoTracking().Where(u => u.Id == unitId && u.SubDistrictId == subDistrictId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
                    : null;
                if (unit is null) throw new DomainException("Case.Party.MemberUnitRequired", "MemberUnitId");
                name = unit;
            }
            kase.AddParty(kind, name, phone, memberUnitId, role, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> RecordSession(int id, Guid version, [DateInRange] DateTime? heldAt, string? place, string? convenedBy, string? attendees, string? minutes, string? outcome, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase =>
        {
            if (!SeesMediation(kase, User.Scope(), Me)) throw new DomainException("Case.Session.HandlerOnly");
            kase.RecordSession(heldAt is { } at ? ChinaTime.ToUtc(at) : default, place, convenedBy, attendees, minutes, outcome, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddTerm(int id, Guid version, int obligatedPartyId, AgreementTermKind kind, string? description, decimal? amount, [DateInRange] DateOnly? dueDate, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase =>
        {
            if (dueDate is not { } due) throw new DomainException("Case.DueDateRequired", "DueDate");
            kase.AddTerm(obligatedPartyId, kind, description, amount, due, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> MarkTermFulfilled(int id, Guid version, int termId, [DateInRange] DateOnly? fulfilledOn, string? proofNote, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase =>
        {
            if (fulfilledOn is not { } on) throw new DomainException("Case.FulfilledOnRequired", "FulfilledOn");
            kase.MarkTermFulfilled(termId, on, proofNote, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Resolve(int id, Guid version, bool agreementReached, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.Resolve(agreementReached, note, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> RecordFollowUp(int id, Guid version, [DateInRange] DateOnly? date, FollowUpMethod method, Satisfaction satisfaction, bool? agreementHonoured, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase =>
        {
            if (date is not { } on) throw new DomainException("Case.FollowUpDateRequired", "Date");
            kase.RecordFollowUp(on, method, satisfaction, agreementHonoured, note, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Close(int id, Guid version, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.Close(Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> CloseEarly(int id, Guid version, CaseCloseKind closeKind, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.CloseEarly(closeKind, reason, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> Escalate(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.Escalate(reason, Now, Me), cancellationToken);

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public Task<IActionResult> TakeOver(int id, Guid version, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.TakeOver(Me, note, Now, Me), cancellationToken);

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> HandBack(int id, Guid version, string? handlerUserId, string? note, CancellationToken cancellationToken) =>
        await StepAsync(id, version, async kase =>
        {
            if (!string.IsNullOrEmpty(handlerUserId) && !await IsStaffOfAsync(kase, handlerUserId, cancellationToken))
                throw new DomainException("Case.HandlerRequired", "HandlerUserId");
            kase.HandBack(handlerUserId, note, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Reopen(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.Reopen(reason, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddProgressNote(int id, Guid version, string? text, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.AddProgressNote(text, Now, Me), cancellationToken);

    private Task<IActionResult> StepAsync(int id, Guid version, Action<Case> step, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => { step(kase); return Task.CompletedTask; }, cancellationToken);

    /// <summary>
    /// Loads the case in scope (404 otherwise), applies one step against the version the user saw, saves once.
    /// A broken rule or a conflicting change re-displays the case page with the message; nothing is saved.
    /// </summary>
    private async Task<IActionResult> StepAsync(int id, Guid version, Func<Case, Task> step, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return NotFound();
        long? changedSince = null;
        if (ModelState.IsValid)
        {
            db.Entry(kase).Property(c => c.Version).OriginalValue = version;
            try
            {
                await step(kase);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Common.Saved"].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
                // The step forms carry the last timeline entry the user saw: what others did since is listed with the message.
                changedSince = Request.HasFormContentType && long.TryParse(Request.Form["seen"], out var seen) ? seen : null;
            }
        }
        db.ChangeTracker.Clear();
        var model = await DetailsModelAsync(id, revealPhone: false, cancellationToken, changedSince);
        return model is null ? NotFound() : View(nameof(Details), model);
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

    private async Task<bool> IsStaffOfAsync(Case kase, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId)) return false;
        var communityId = kase.CommunityId;
        var subDistrictId = await db.Communities.Where(c => c.Id == communityId).Select(c => c.SubDistrictId).SingleAsync(cancellationToken);
        var gridId = kase.GridId;
        return await db.Users.AnyAsync(u => u.Id == userId && u.IsActive
            && ((u.Role == PortalRole.CommunityCommittee && u.CommunityId == communityId)
                || (u.Role == PortalRole.SubDistrictCommittee && u.SubDistrictId == subDistrictId)
                || (u.Role == PortalRole.GridWorker && gridId != null && u.GridLinks.Any(g => g.GridId == gridId))), cancellationToken);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2}\d{4}-\d{4,}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberPattern();

    // ---- corrections: what was entered by mistake ------------------------------------------------------

    /// <summary>Withdraws a pending term entered by mistake, with a reason (it stays stored, struck through).</summary>
    [HttpPost]
    public Task<IActionResult> WithdrawTerm(int id, Guid version, int? termId, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.WithdrawTerm(termId ?? 0, reason, Now, Me), cancellationToken);

    /// <summary>Removes a party added by mistake, with a reason (it stays stored, marked removed).</summary>
    [HttpPost]
    public Task<IActionResult> RemoveParty(int id, Guid version, int? partyId, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, kase => kase.RemoveParty(partyId ?? 0, reason, Now, Me), cancellationToken);

    /// <summary>
    /// Gives an accepted case to another handler from the Accept step's list (staff of the case's community,
    /// sub-district or grid). The committees only; once the sub-district took the case over, the sub-district only.
    /// </summary>
    [HttpPost, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> ChangeHandler(int id, Guid version, string? handlerUserId, string? note, CancellationToken cancellationToken) =>
        await StepAsync(id, version, async kase =>
        {
            if (kase.TakenOverBySubDistrict && User.Scope().Role != PortalRole.SubDistrictCommittee)
                throw new DomainException("Case.Handler.TakenOver");
            string? names = null;
            if (kase.CanAssignHandler)
            {
                if (!await IsStaffOfAsync(kase, handlerUserId, cancellationToken))
                    throw new DomainException("Case.HandlerRequired", "HandlerUserId");
                var previous = kase.HandlerUserId;
                var known = await db.Users.AsNoTracking().Where(u => u.Id == previous || u.Id == handlerUserId)
                    .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                names = $"{(previous is null ? "—" : known.GetValueOrDefault(previous, "—"))} → {known.GetValueOrDefault(handlerUserId!, "—")}";
            }
            if (!kase.AssignHandler(handlerUserId, Now, Me, note, names))
                throw new DomainException("Case.Handler.Unchanged", "HandlerUserId");
        }, cancellationToken);

    private static CaseCorrections CorrectionsOf(Case kase, UserScope scope) => new()
    {
        WithdrawTerm = kase.IsOpen && kase.Terms.Any(t => t.Status == AgreementTermStatus.Pending),
        RemoveParty = kase.IsOpen && kase.Parties.Any(p => !p.IsRemoved),
        ChangeHandler = kase.CanAssignHandler
                        && (scope.Role == PortalRole.SubDistrictCommittee || (scope.Role == PortalRole.CommunityCommittee && !kase.TakenOverBySubDistrict)),
        HandlerUserId = kase.HandlerUserId,
    };
}

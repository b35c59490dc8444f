using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.GridWork;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Cases;
using TongkuangAlliance.Web.Features.Residents;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>
/// 网格工作 (issue 9): a grid worker's phone pages — "my grid" (buildings, building chiefs to call, open cases
/// with their flags), quick intake, the visit ledger (走访台账) with visit → case in one step — plus the grid
/// summary for the committees and the printable QR sheets that open the residents' form for a building.
/// Grid workers work only their own grids (<see cref="ScopeQueries.WorkableBy"/>); anything else is 404.
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
public sealed class GridWorkController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IOptions<ResidentChannelOptions> residentOptions) : Controller
{
    public const int SummaryMonths = 6;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    // ---- my grid -------------------------------------------------------------------------------------------

    [HttpGet, Authorize(Policy = Policies.GridWorkerOnly)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var now = Now;
        var grids = await db.Grids.AsNoTracking().WorkableBy(scope).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, CommunityName = g.Community!.Name, ChiefName = g.Chief != null ? g.Chief.Name : null, ChiefPhone = g.Chief != null ? g.Chief.Phone : null })
            .ToListAsync(cancellationToken);
        var gridIds = grids.Select(g => g.Id).ToList();
        var buildings = await db.Buildings.AsNoTracking().Where(b => gridIds.Contains(b.GridId))
            .OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new { b.GridId, Row = new BuildingRow(b.Id, b.Compound!.Name, b.Name, b.Chief != null ? b.Chief.Name : null, b.Chief != null ? b.Chief.Phone : null) })
            .ToListAsync(cancellationToken);
        var unresolved = new[] { CaseStatus.Registered, CaseStatus.Accepted, CaseStatus.InMediation };
        var cases = await db.Cases.AsNoTracking().VisibleTo(scope).Where(c => c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.Urgency).ThenBy(c => c.RegisteredAtUtc)
            .Select(c => new
            {
                c.GridId,
                Row = new GridCaseRow(c.Id, c.Number, c.Title, c.Status, c.Urgency, c.Source,
                    unresolved.Contains(c.Status) && ((c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < now) || c.ResolveDueAtUtc < now),
                    unresolved.Contains(c.Status) && c.UpdateDueAtUtc < now, c.RegisteredAtUtc),
            })
            .ToListAsync(cancellationToken);
        var monthStart = new DateOnly(ChinaTime.Today(clock).Year, ChinaTime.Today(clock).Month, 1);
        ViewData["Title"] = l["GridWork.MyGrid"];
        return View(new MyGridViewModel
        {
            Grids = grids.Select(g => new MyGrid(g.Id, g.Name, g.CommunityName, g.ChiefName, g.ChiefPhone,
                buildings.Where(b => b.GridId == g.Id).Select(b => b.Row).ToList(),
                cases.Where(c => c.GridId == g.Id).Select(c => c.Row).ToList())).ToList(),
            VisitsThisMonth = await db.Visits.AsNoTracking().VisibleTo(scope).CountAsync(v => v.VisitedOn >= monthStart, cancellationToken),
        });
    }

    // ---- quick intake ----------------------------------------------------------------------------------------

    [HttpGet, Authorize(Policy = Policies.GridWorkerOnly)]
    public async Task<IActionResult> Intake(int? buildingId, CancellationToken cancellationToken) =>
        View(await IntakeFormAsync(new QuickIntakeInput { BuildingId = buildingId }, cancellationToken));

    [HttpPost, Authorize(Policy = Policies.GridWorkerOnly)]
    public async Task<IActionResult> Intake(QuickIntakeInput input, CancellationToken cancellationToken)
    {
        const string prefix = nameof(QuickIntakeViewModel.Input) + ".";
        var building = input.BuildingId is { } buildingId ? await WorkableBuildingAsync(buildingId, cancellationToken) : null;
        if (input.BuildingId is not null && building is null) ModelState.AddModelError(prefix + nameof(input.BuildingId), l["Case.InvalidChoice"]);
        var category = input.CategoryId is { } categoryId ? await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) : null;
        if (input.CategoryId is not null && category is null) ModelState.AddModelError(prefix + nameof(input.CategoryId), l["Case.InvalidChoice"]);
        if (ModelState.IsValid && building is not null && category is not null)
        {
            try
            {
                var now = Now;
                var details = new CaseDetails(input.Kind, CaseSource.GridReport, input.ReporterName, input.ReporterPhone, building.CommunityId,
                    building.CompoundId, building.Id, building.GridId, input.Title, input.Description, now, input.Urgency);
                var kase = Case.Register(details, category, now, Me);
                db.Cases.Add(kase);
                await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
                TempData["Success"] = l["Cases.Created", kase.Number].Value;
                return RedirectToAction("Details", "Cases", new { id = kase.Id });
            }
            catch (DomainException error)
            {
                db.ChangeTracker.Clear();
                ModelState.AddDomainError(error, l, nameof(QuickIntakeViewModel.Input));
            }
        }
        return View(await IntakeFormAsync(input, cancellationToken));
    }

    private sealed record WorkableBuilding(int Id, int CompoundId, int GridId, int CommunityId);

    private Task<WorkableBuilding?> WorkableBuildingAsync(int buildingId, CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(User.Scope()).Select(g => g.Id);
        return db.Buildings.AsNoTracking().Where(b => b.Id == buildingId && grids.Contains(b.GridId))
            .Select(b => new WorkableBuilding(b.Id, b.CompoundId, b.GridId, b.Grid!.CommunityId)).SingleOrDefaultAsync(cancellationToken);
    }

    private Task<List<GroupedOption>> WorkableBuildingsAsync(CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(User.Scope()).Select(g => g.Id);
        return db.Buildings.AsNoTracking().Where(b => grids.Contains(b.GridId))
            .OrderBy(b => b.Grid!.Community!.Name).ThenBy(b => b.Grid!.Name).ThenBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new GroupedOption(b.Id, b.Grid!.Community!.Name + " " + b.Grid.Name, b.Compound!.Name + " " + b.Name))
            .ToListAsync(cancellationToken);
    }

    private Task<List<Option>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);

    private async Task<QuickIntakeViewModel> IntakeFormAsync(QuickIntakeInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["GridWork.Intake"];
        var scope = User.Scope();
        return new QuickIntakeViewModel
        {
            Input = input,
            Buildings = await WorkableBuildingsAsync(cancellationToken),
            Categories = await CategoriesAsync(cancellationToken),
            CommunityName = await db.Communities.AsNoTracking().Where(c => c.Id == scope.CommunityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken),
        };
    }

    // ---- visits ----------------------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Visits(VisitFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var query = db.Visits.AsNoTracking().VisibleTo(scope);
        if (filter.GridId is { } gridId) query = query.Where(v => v.GridId == gridId);
        if (ParseMonth(filter.Month) is { } month)
        {
            var next = month.AddMonths(1);
            query = query.Where(v => v.VisitedOn >= month && v.VisitedOn < next);
        }
        if (filter.FollowUp) query = query.Where(v => v.FollowUpNeeded && v.CaseId == null);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(v => v.Place.Contains(q) || v.Findings.Contains(q));
        }
        var visits = await Rows(query.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id)).ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l["GridWork.Visits"];
        return View(new VisitIndexViewModel
        {
            Visits = visits,
            Filter = filter,
            Grids = await db.Grids.AsNoTracking().WorkableBy(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
                .Select(g => new Option(g.Id, scope.Role == PortalRole.SubDistrictCommittee ? g.Community!.Name + " " + g.Name : g.Name)).ToListAsync(cancellationToken),
            CanRecord = scope.Role != PortalRole.SubDistrictCommittee,
        });
    }

    private static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact((month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && ChinaTime.IsInRange(d) ? d : null;

    private static IQueryable<VisitRow> Rows(IQueryable<Visit> visits) => visits.Select(v => new VisitRow(
        v.Id, v.VisitedOn, v.Grid!.Community!.Name, v.Grid.Name, v.Building != null ? v.Building.Compound!.Name + " " + v.Building.Name : null,
        v.Place, v.Findings, v.FollowUpNeeded, v.CaseId, v.Case != null ? v.Case.Number : null, v.Visitor != null ? v.Visitor.DisplayName : null));

    [HttpGet]
    public async Task<IActionResult> CreateVisit(int? buildingId, CancellationToken cancellationToken)
    {
        var input = new VisitInput { VisitedOn = ChinaTime.Today(clock), BuildingId = buildingId };
        if (buildingId is { } id && await WorkableBuildingAsync(id, cancellationToken) is { } building) input.GridId = building.GridId;
        return View(await VisitFormAsync(input, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> CreateVisit(VisitInput input, CancellationToken cancellationToken)
    {
        const string prefix = nameof(VisitFormViewModel.Input) + ".";
        var scope = User.Scope();
        if (input.GridId is { } gridId && !await db.Grids.WorkableBy(scope).AnyAsync(g => g.Id == gridId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.GridId), l["Case.InvalidChoice"]);
        if (input.BuildingId is { } buildingId && !await db.Buildings.AnyAsync(b => b.Id == buildingId && b.GridId == input.GridId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.BuildingId), l["Visit.BuildingOutsideGrid"]);
        if (ModelState.IsValid)
        {
            try
            {
                var visit = Core.GridWork.Visit.Record(input.GridId!.Value, input.BuildingId, input.Place, input.VisitedOn!.Value, input.Findings,
                    input.FollowUpNeeded, input.FollowUpNote, ChinaTime.Today(clock), Me);
                db.Visits.Add(visit);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Visit.Recorded"].Value;
                return RedirectToAction(nameof(Visit), new { id = visit.Id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l, nameof(VisitFormViewModel.Input));
            }
        }
        return View(await VisitFormAsync(input, cancellationToken));
    }

    private async Task<VisitFormViewModel> VisitFormAsync(VisitInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["GridWork.RecordVisit"];
        var scope = User.Scope();
        return new VisitFormViewModel
        {
            Input = input,
            Grids = await db.Grids.AsNoTracking().WorkableBy(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
                .Select(g => new Option(g.Id, g.Community!.Name + " " + g.Name)).ToListAsync(cancellationToken),
            Buildings = await WorkableBuildingsAsync(cancellationToken),
        };
    }

    [HttpGet]
    public async Task<IActionResult> Visit(int id, CancellationToken cancellationToken)
    {
        var model = await VisitModelAsync(id, null, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>Visit → case in one step: a case in the visit's grid and building, source GridReport, linked both ways.</summary>
    [HttpPost]
    public async Task<IActionResult> VisitToCase(int id, VisitCaseInput caseInput, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var visit = await db.Visits.VisibleTo(scope).Include(v => v.Grid).Include(v => v.Building).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null) return NotFound();
        const string prefix = nameof(VisitDetailsViewModel.CaseInput) + ".";
        var category = caseInput.CategoryId is { } categoryId ? await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) : null;
        if (caseInput.CategoryId is not null && category is null) ModelState.AddModelError(prefix + nameof(caseInput.CategoryId), l["Case.InvalidChoice"]);
        if (ModelState.IsValid && category is not null)
        {
            db.Entry(visit).Property(v => v.Version).OriginalValue = caseInput.Version;
            try
            {
                var now = Now;
                var description = string.Join("\n", new[] { $"{l["Field.VisitPlace"]}: {visit.Place}", visit.Findings, visit.FollowUpNote }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var occurred = ChinaTime.ToUtc(visit.VisitedOn.ToDateTime(new TimeOnly(12, 0)));
                var details = new CaseDetails(caseInput.Kind, CaseSource.GridReport, caseInput.ReporterName, caseInput.ReporterPhone, visit.Grid!.CommunityId,
                    visit.Building?.CompoundId, visit.BuildingId, visit.GridId, caseInput.Title,
                    description.Length > FieldLengths.Description ? description[..FieldLengths.Description] : description,
                    occurred > now ? now : occurred, caseInput.Urgency);
                var kase = Case.Register(details, category, now, Me);
                visit.LinkCase(kase);
                db.Cases.Add(kase);
                await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
                TempData["Success"] = l["Visit.BecameCase", kase.Number].Value;
                return RedirectToAction("Details", "Cases", new { id = kase.Id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l, nameof(VisitDetailsViewModel.CaseInput));
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
            }
        }
        db.ChangeTracker.Clear();
        var model = await VisitModelAsync(id, caseInput, cancellationToken);
        return model is null ? NotFound() : View(nameof(Visit), model);
    }

    private async Task<VisitDetailsViewModel?> VisitModelAsync(int id, VisitCaseInput? caseInput, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var visit = await db.Visits.AsNoTracking().VisibleTo(scope).Where(v => v.Id == id)
            .Select(v => new { v.FollowUpNote, v.Version }).SingleOrDefaultAsync(cancellationToken);
        if (visit is null) return null;
        var row = await Rows(db.Visits.AsNoTracking().Where(v => v.Id == id)).SingleAsync(cancellationToken);
        ViewData["Title"] = l["GridWork.VisitTitle", Display.Date(row.VisitedOn), row.Place];
        var input = caseInput ?? new VisitCaseInput { Title = row.Place + " " + FirstWords(row.Findings) };
        input.Version = visit.Version;
        return new VisitDetailsViewModel
        {
            Visit = row,
            FollowUpNote = visit.FollowUpNote,
            CaseInput = input,
            Categories = await CategoriesAsync(cancellationToken),
            CanMakeCase = row.CaseId is null,
        };
    }

    private static string FirstWords(string text) => text.Length <= 40 ? text : text[..40];

    // ---- the grid in the community's view ------------------------------------------------------------------

    /// <summary>
    /// Per grid: open and all cases, cases settled without going up (resolved or closed normally, never
    /// escalated), cases that went up, and visits per month. A later dashboards issue reuses <see cref="SummaryAsync"/>.
    /// </summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Summary(CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["GridWork.Summary"];
        return View(await SummaryAsync(db, User.Scope(), ChinaTime.Today(clock), cancellationToken));
    }

    public static async Task<GridSummaryViewModel> SummaryAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var grids = await db.Grids.AsNoTracking().VisibleTo(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.CommunityId, CommunityName = g.Community!.Name, g.Name }).ToListAsync(cancellationToken);
        var settled = new[] { CaseStatus.Resolved, CaseStatus.FollowedUp, CaseStatus.Closed };
        var cases = await db.Cases.AsNoTracking().VisibleTo(scope)
            .GroupBy(c => new { c.CommunityId, c.GridId })
            .Select(g => new
            {
                g.Key.CommunityId,
                g.Key.GridId,
                Open = g.Count(c => c.Status != CaseStatus.Closed),
                All = g.Count(),
                SettledBelow = g.Count(c => settled.Contains(c.Status) && c.CloseKind == null && c.EscalatedAtUtc == null),
                WentUp = g.Count(c => c.EscalatedAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = thisMonth.AddMonths(-(SummaryMonths - 1));
        var visits = await db.Visits.AsNoTracking().VisibleTo(scope).Where(v => v.VisitedOn >= first)
            .GroupBy(v => new { v.GridId, v.VisitedOn.Year, v.VisitedOn.Month })
            .Select(g => new { g.Key.GridId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, SummaryMonths).Select(i => first.AddMonths(i)).ToList();
        var rows = grids.Select(g =>
        {
            var c = cases.FirstOrDefault(x => x.GridId == g.Id);
            var byMonth = months.Select(m => visits.Where(v => v.GridId == g.Id && v.Year == m.Year && v.Month == m.Month).Sum(v => v.Count)).ToList();
            return new GridSummaryRow(g.Id, g.CommunityName, g.Name, c?.Open ?? 0, c?.All ?? 0, c?.SettledBelow ?? 0, c?.WentUp ?? 0, byMonth[^1], byMonth);
        }).ToList();
        var names = grids.GroupBy(g => g.CommunityId).ToDictionary(g => g.Key, g => g.First().CommunityName);
        var communityNames = await db.Communities.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var withoutGrid = cases.Where(c => c.GridId == null).OrderBy(c => communityNames.GetValueOrDefault(c.CommunityId))
            .Select(c => (communityNames.GetValueOrDefault(c.CommunityId) ?? names.GetValueOrDefault(c.CommunityId) ?? "", c.All, c.SettledBelow, c.WentUp)).ToList();
        return new GridSummaryViewModel
        {
            Rows = rows,
            Months = months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList(),
            WithoutGrid = withoutGrid,
        };
    }

    // ---- QR sheets for the stairwell -------------------------------------------------------------------------

    /// <summary>An A4 sheet for one building's stairwell: its QR code opens the residents' form with the place filled in.</summary>
    [HttpGet]
    public async Task<IActionResult> BuildingSheet(int id, CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(User.Scope()).Select(g => g.Id);
        var sheet = await SheetsAsync(db.Buildings.Where(b => b.Id == id && grids.Contains(b.GridId)), cancellationToken);
        if (sheet.Count == 0) return NotFound();
        ViewData["Title"] = l["GridWork.QrSheet"];
        return View("Sheet", new SheetViewModel { Buildings = sheet });
    }

    /// <summary>One sheet per building of a grid, printed together.</summary>
    [HttpGet]
    public async Task<IActionResult> GridSheet(int id, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().WorkableBy(User.Scope()).Where(g => g.Id == id).Select(g => new { g.Id, g.Name }).SingleOrDefaultAsync(cancellationToken);
        if (grid is null) return NotFound();
        var sheets = await SheetsAsync(db.Buildings.Where(b => b.GridId == id), cancellationToken);
        ViewData["Title"] = l["GridWork.QrSheet"];
        return View("Sheet", new SheetViewModel { Buildings = sheets, GridName = grid.Name });
    }

    private async Task<List<SheetBuilding>> SheetsAsync(IQueryable<Core.Structure.Building> buildings, CancellationToken cancellationToken)
    {
        var rows = await buildings.AsNoTracking().OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new { b.Id, CommunityName = b.Grid!.Community!.Name, CompoundName = b.Compound!.Name, b.Name, GridName = b.Grid.Name, ChiefName = b.Chief != null ? b.Chief.Name : null, ChiefPhone = b.Chief != null ? b.Chief.Phone : null })
            .ToListAsync(cancellationToken);
        return rows.Select(b =>
        {
            var url = ReportUrl(b.Id);
            return new SheetBuilding(b.Id, b.CommunityName, b.CompoundName, b.Name, b.GridName, b.ChiefName, b.ChiefPhone, url, QrPng(url));
        }).ToList();
    }

    /// <summary>The residents' form for a building: the configured public address when there is one (behind a proxy), else this request's.</summary>
    private string ReportUrl(int buildingId)
    {
        var path = Url.Action("Report", "Residents", new { building = buildingId })!;
        var configured = residentOptions.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured) ? $"{Request.Scheme}://{Request.Host}{path}" : configured.TrimEnd('/') + path;
    }

    private static string QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(10));
    }
}

using System.Security.Claims;
using TongkuangAlliance.Core.GridWork;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>
/// 网格工作 (issue 9): a grid worker's "my grid" page (buildings, building chiefs to call, open cases with their
/// flags), the visit ledger (走访台账) with visit → case in one step, and the grid summary for the committees.
/// The quick intake is <see cref="GridIntakeController"/> and the printable QR sheets <see cref="QrSheetsController"/>,
/// under the same /GridWork URLs. Grid workers work only their own grids (<see cref="ScopeQueries.WorkableBy"/>);
/// anything else is 404. Who may record, read and turn a visit into a case: <see cref="VisitAuthorizationHandler"/>.
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
public sealed class GridWorkController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private GridWorkQueries Queries => new(db, User.Scope());

    private async Task<bool> MayAsync(VisitResource visit, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, visit, operation)).Succeeded;

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
        var cases = await db.Cases.AsNoTracking().VisibleTo(scope).Where(CaseStates.NotClosed)
            // Most urgent first (the urgency is stored by name: ranked here, not sorted as text), then the nearest deadline.
            .OrderByDescending(c => c.Urgency == CaseUrgency.Critical ? 3 : c.Urgency == CaseUrgency.Urgent ? 2 : 1)
            .ThenBy(c => c.Status == CaseStatus.Registered ? c.AcceptDueAtUtc : c.ResolveDueAtUtc).ThenBy(c => c.RegisteredAtUtc)
            .Select(c => new
            {
                c.GridId,
                Row = new GridCaseRow(c.Id, c.Number, c.Title, CaseStates.Of(c.Status, c.Resolution, c.CloseKind, c.Terms.Any(t => t.Status == AgreementTermStatus.Pending)), c.Urgency, c.Source,
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
            VisitsThisMonth = await db.Visits.AsNoTracking().VisibleTo(scope).CountAsync(v => v.VisitedOn >= monthStart && v.VisitedOn < monthStart.AddMonths(1), cancellationToken),
            ThisMonth = monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        });
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
        // Grids of several communities are told apart by their community's name.
        var seesAllCommunities = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded;
        ViewData["Title"] = l["GridWork.Visits"];
        return View(new VisitIndexViewModel
        {
            Visits = visits,
            Filter = filter,
            Grids = await db.Grids.AsNoTracking().WorkableBy(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
                .Select(g => new Option(g.Id, seesAllCommunities ? g.Community!.Name + " " + g.Name : g.Name)).ToListAsync(cancellationToken),
            CanRecord = await MayAsync(VisitResource.LedgerOf(scope), VisitOperations.Record),
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
        if (buildingId is { } id && await Queries.WorkableBuildingAsync(id, cancellationToken) is { } building) input.GridId = building.GridId;
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
            Buildings = await Queries.WorkableBuildingsAsync(cancellationToken),
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
        var visit = await db.Visits.VisibleTo(User.Scope()).Include(v => v.Grid!).ThenInclude(g => g.Community).Include(v => v.Building)
            .SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null) return NotFound();
        if (!await MayAsync(ResourceOf(visit), VisitOperations.MakeCase)) return Forbid();
        const string prefix = nameof(VisitDetailsViewModel.CaseInput) + ".";
        var category = caseInput.CategoryId is { } categoryId ? await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) : null;
        if (caseInput.CategoryId is not null && category is null) ModelState.AddModelError(prefix + nameof(caseInput.CategoryId), l["Case.InvalidChoice"]);
        if (ModelState.IsValid && category is not null)
        {
            db.Entry(visit).Property(v => v.Version).OriginalValue = caseInput.Version;
            try
            {
                var now = Now;
                var kase = await db.RegisterCaseAsync(CaseDetailsOf(visit, caseInput, now), category, now, Me, visit.LinkCase, cancellationToken);
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

    private static VisitResource ResourceOf(Core.GridWork.Visit visit) =>
        new(visit.Grid!.Community!.SubDistrictId, visit.Grid.CommunityId, visit.GridId);

    /// <summary>The case a visit becomes: in the visit's grid and building, source GridReport, its notes as the description.</summary>
    private CaseDetails CaseDetailsOf(Core.GridWork.Visit visit, VisitCaseInput input, DateTime now)
    {
        var description = string.Join("\n", new[] { $"{l["Field.VisitPlace"]}: {visit.Place}", visit.Findings, visit.FollowUpNote }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var occurred = ChinaTime.ToUtc(visit.VisitedOn.ToDateTime(new TimeOnly(12, 0)));
        return new CaseDetails(input.Kind, CaseSource.GridReport, input.ReporterName, input.ReporterPhone, visit.Grid!.CommunityId,
            visit.Building?.CompoundId, visit.BuildingId, visit.GridId, input.Title,
            description.Length > FieldLengths.Description ? description[..FieldLengths.Description] : description,
            occurred > now ? now : occurred, input.Urgency);
    }

    private async Task<VisitDetailsViewModel?> VisitModelAsync(int id, VisitCaseInput? caseInput, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var visit = await db.Visits.AsNoTracking().VisibleTo(scope).Where(v => v.Id == id)
            .Select(v => new { v.FollowUpNote, v.Version, Resource = new VisitResource(v.Grid!.Community!.SubDistrictId, v.Grid.CommunityId, v.GridId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (visit is null || !await MayAsync(visit.Resource, VisitOperations.View)) return null;
        var row = await Rows(db.Visits.AsNoTracking().Where(v => v.Id == id)).SingleAsync(cancellationToken);
        ViewData["Title"] = l["GridWork.VisitTitle", Display.Date(row.VisitedOn), row.Place];
        var input = caseInput ?? new VisitCaseInput { Title = row.Place + " " + FirstWords(row.Findings) };
        input.Version = visit.Version;
        return new VisitDetailsViewModel
        {
            Visit = row,
            FollowUpNote = visit.FollowUpNote,
            CaseInput = input,
            Categories = await Queries.CategoriesAsync(cancellationToken),
            // The visit's own rule (it becomes at most one case) and who may make one.
            CanMakeCase = row.CaseId is null && await MayAsync(visit.Resource, VisitOperations.MakeCase),
        };
    }

    private static string FirstWords(string text) => text.Length <= 40 ? text : text[..40];

    // ---- the grid in the community's view ------------------------------------------------------------------

    /// <summary>Per grid: cases settled at grid or community level, cases that went up, visits per month (<see cref="GridSummaryQuery"/>).</summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Summary(CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["GridWork.Summary"];
        return View(await GridSummaryQuery.SummaryAsync(db, User.Scope(), ChinaTime.Today(clock), cancellationToken));
    }
}

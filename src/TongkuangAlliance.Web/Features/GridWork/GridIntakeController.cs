using System.Security.Claims;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>
/// A grid worker's quick intake (快速登记) on the phone, at /GridWork/Intake: a building of its own grids fixes the
/// community, compound and grid; the case is registered with source GridReport and numbered in one step.
/// </summary>
[Route("GridWork/[action]/{id?}")]
[Authorize(Policy = Policies.CaseWorkers)]
public sealed class GridIntakeController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private GridWorkQueries Queries => new(db, User.Scope());

    [HttpGet, Authorize(Policy = Policies.GridWorkerOnly)]
    public async Task<IActionResult> Intake(int? buildingId, CancellationToken cancellationToken) =>
        View(await IntakeFormAsync(new QuickIntakeInput { BuildingId = buildingId }, cancellationToken));

    [HttpPost, Authorize(Policy = Policies.GridWorkerOnly)]
    public async Task<IActionResult> Intake(QuickIntakeInput input, CancellationToken cancellationToken)
    {
        const string prefix = nameof(QuickIntakeViewModel.Input) + ".";
        var building = input.BuildingId is { } buildingId ? await Queries.WorkableBuildingAsync(buildingId, cancellationToken) : null;
        if (input.BuildingId is not null && building is null) ModelState.AddModelError(prefix + nameof(input.BuildingId), l["Case.InvalidChoice"]);
        var category = input.CategoryId is { } categoryId ? await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken) : null;
        if (input.CategoryId is not null && category is null) ModelState.AddModelError(prefix + nameof(input.CategoryId), l["Case.InvalidChoice"]);
        if (ModelState.IsValid && building is not null && category is not null)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var details = new CaseDetails(input.Kind, CaseSource.GridReport, input.ReporterName, input.ReporterPhone, building.CommunityId,
                    building.CompoundId, building.Id, building.GridId, input.Title, input.Description, now, input.Urgency);
                var kase = await db.RegisterCaseAsync(details, category, now, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
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

    private async Task<QuickIntakeViewModel> IntakeFormAsync(QuickIntakeInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["GridWork.Intake"];
        var scope = User.Scope();
        return new QuickIntakeViewModel
        {
            Input = input,
            Buildings = await Queries.WorkableBuildingsAsync(cancellationToken),
            Categories = await Queries.CategoriesAsync(cancellationToken),
            CommunityName = await db.Communities.AsNoTracking().Where(c => c.Id == scope.CommunityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken),
        };
    }
}

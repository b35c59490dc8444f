using System.Security.Claims;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>
/// Case intake (登记) and correcting its details, at /Cases/Create and /Cases/Edit/{id}. The place of a case is
/// checked against the user's scope, and a grid worker registers in its own grids only (<see cref="CaseOperations.Register"/>).
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
[Route("Cases/[action]/{id?}")]
public sealed class CaseIntakeController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization,
    IPersonalNumberProtector protector) : Controller
{
    /// <summary>Domain errors of the intake name the case's field; on the form it sits under Input.</summary>
    private const string InputPrefix = nameof(CaseFormViewModel.Input);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet]
    public async Task<IActionResult> Create(int? communityId, CancellationToken cancellationToken)
    {
        var input = new CaseInput { CommunityId = User.Scope().CommunityId ?? communityId ?? 0 };
        ViewData["Title"] = l["Cases.Create"];
        return View("Edit", await FormAsync(input, null, null, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CaseInput input, IntakeParties? parties, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Cases.Create"];
        if (User.Scope().CommunityId is { } own) input.CommunityId = own;
        var category = await CheckIntakeAsync(input, cancellationToken);
        if (ModelState.IsValid && category is not null)
        {
            try
            {
                var kase = await db.RegisterCaseAsync(Details(input), category, Now, Me,
                    link: k => parties?.AddTo(k, Now, Me, protector), cancellationToken);
                TempData["Success"] = l["Cases.Created", kase.Number].Value;
                return RedirectToAction(nameof(CasesController.Details), "Cases", new { id = kase.Id });
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
                return RedirectToAction(nameof(CasesController.Details), "Cases", new { id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l, InputPrefix);
            }
            catch (DbUpdateConcurrencyException)
            {
                await ShowConflictAsync(id, input, cancellationToken);
            }
        }
        return View(await FormAsync(input, id, kase.Number, cancellationToken, ChinesePhone.Mask(kase.ReporterPhone)));
    }

    /// <summary>Someone saved the case meanwhile: the form shows what it holds now and takes the new version.</summary>
    private async Task ShowConflictAsync(int id, CaseInput input, CancellationToken cancellationToken)
    {
        var current = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Include(c => c.Category).Include(c => c.Terms).Include(c => c.Community).Include(c => c.Compound).Include(c => c.Grid).Include(c => c.Building)
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
            [l["Field.Status"]] = l[CaseStateVocabulary.Key(current.StateOf())],
        });
        ModelState.Remove($"{nameof(CaseFormViewModel.Input)}.{nameof(CaseInput.Version)}");
        input.Version = current.Version;
    }

    private static CaseDetails Details(CaseInput input, string? storedPhone = null) => new(
        input.Kind, input.Source, input.ReporterName, storedPhone ?? input.ReporterPhone, input.CommunityId,
        input.CompoundId, input.BuildingId, input.GridId, input.Title, input.Description,
        ChinaTime.ToUtc(input.OccurredAt ?? default), input.Urgency);

    /// <summary>Checks the choices against the user's scope: community, its compound/grid/building, an active category.</summary>
    private async Task<CaseCategory?> CheckIntakeAsync(CaseInput input, CancellationToken cancellationToken)
    {
        const string prefix = nameof(CaseFormViewModel.Input) + ".";
        var subDistrictId = await db.Communities.VisibleTo(User.Scope()).Where(c => c.Id == input.CommunityId)
            .Select(c => (int?)c.SubDistrictId).SingleOrDefaultAsync(cancellationToken);
        if (subDistrictId is null)
            ModelState.AddModelError(prefix + nameof(input.CommunityId), l["Case.CommunityRequired"]);
        if (input.CompoundId is { } compoundId && !await db.Compounds.AnyAsync(c => c.Id == compoundId && c.CommunityId == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.CompoundId), l["Case.InvalidChoice"]);
        if (input.GridId is { } gridId && !await db.Grids.AnyAsync(g => g.Id == gridId && g.CommunityId == input.CommunityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.GridId), l["Case.InvalidChoice"]);
        // A grid worker logs cases in its own grids only (else it could not see what it logged).
        if (subDistrictId is { } sd
            && !(await authorization.AuthorizeAsync(User, new CaseResource(sd, input.CommunityId, input.GridId), CaseOperations.Register)).Succeeded)
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
            // Only the sub-district chooses the community; the others work their own.
            CommunityFixed = !(await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded,
            CommunityName = communities.FirstOrDefault(c => c.Id == communityId)?.Name,
            Compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityId == communityId).OrderBy(c => c.Name)
                .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken),
            Grids = await db.Grids.AsNoTracking().WorkableBy(scope).Where(g => g.CommunityId == communityId).OrderBy(g => g.Name)
                .Select(g => new Option(g.Id, g.Name)).ToListAsync(cancellationToken),
            Buildings = await db.Buildings.AsNoTracking().Where(b => b.Grid!.CommunityId == communityId).OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name)
                .Select(b => new Option(b.Id, b.Compound!.Name + " " + b.Name)).ToListAsync(cancellationToken),
            Categories = await CaseListQuery.CategoriesAsync(db, activeOnly: true, cancellationToken),
        };
    }
}

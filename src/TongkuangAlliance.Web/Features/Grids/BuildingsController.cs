using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Grids;

/// <summary>
/// Buildings (楼栋) and their building chiefs, each in a compound and a grid of one community; reached from the
/// grid's page, so the URLs stay /Grids/CreateBuilding and /Grids/EditBuilding. Found within the user's scope (404
/// outside it), changed by those who may change the community's structure (403 otherwise): <see cref="CommunityStructure"/>.
/// </summary>
[Route("Grids/[action]/{id?}")]
public sealed class BuildingsController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private CommunityStructure Structure => new(db, authorization, User);

    [HttpGet]
    public async Task<IActionResult> CreateBuilding(int gridId, CancellationToken cancellationToken)
    {
        if (await Structure.FindGridAsync(gridId, cancellationToken, tracking: false) is not (var grid, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        return await BuildingFormAsync(new BuildingInput { GridId = grid.Id }, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> CreateBuilding(int gridId, BuildingInput input, CancellationToken cancellationToken)
    {
        if (await Structure.FindGridAsync(gridId, cancellationToken, tracking: false) is not (var grid, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        await ValidateAsync(input, community.Id, exceptId: null, cancellationToken);
        var chief = ModelState.ReadChief(input.Chief, l);
        if (!ModelState.IsValid)
            return await BuildingFormAsync(input, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);

        var building = new Building { Name = input.Name!.Trim(), CompoundId = input.CompoundId!.Value, GridId = input.GridId!.Value };
        building.AssignChief(chief);
        db.Buildings.Add(building);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Buildings.NameTaken"], cancellationToken))
            return await BuildingFormAsync(input, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);
        TempData["Success"] = l["Buildings.Created", building.Name].Value;
        return RedirectToAction(nameof(GridsController.Details), "Grids", new { id = building.GridId });
    }

    [HttpGet]
    public async Task<IActionResult> EditBuilding(int id, CancellationToken cancellationToken)
    {
        if (await Structure.FindBuildingAsync(id, cancellationToken) is not (var building, var gridName, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var input = new BuildingInput
        {
            Name = building.Name,
            CompoundId = building.CompoundId,
            GridId = building.GridId,
            Chief = new ContactInput { Name = building.Chief?.Name, Phone = building.Chief?.Phone },
            Version = building.Version,
        };
        return await BuildingFormAsync(input, community, building.GridId, gridName, id, l["Buildings.Edit", building.Name], cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> EditBuilding(int id, BuildingInput input, CancellationToken cancellationToken)
    {
        if (await Structure.FindBuildingAsync(id, cancellationToken) is not (var building, var gridName, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var title = l["Buildings.Edit", building.Name];
        await ValidateAsync(input, community.Id, exceptId: id, cancellationToken);
        var chief = ModelState.ReadChief(input.Chief, l);
        if (!ModelState.IsValid)
            return await BuildingFormAsync(input, community, building.GridId, gridName, id, title, cancellationToken);

        db.Entry(building).Property(b => b.Version).OriginalValue = input.Version;
        building.Name = input.Name!.Trim();
        building.CompoundId = input.CompoundId!.Value;
        building.GridId = input.GridId!.Value;
        if (!StructureForms.SameContact(building.Chief, chief))
        {
            building.AssignChief(chief);
        }
        var saved = await db.TrySaveAsync(building, input.Version, ModelState, l["Buildings.NameTaken"], cancellationToken);
        if (saved == StructureSaveResult.Conflict) input.Version = await ShowConflictAsync(id, cancellationToken);
        if (saved != StructureSaveResult.Saved)
            return await BuildingFormAsync(input, community, building.GridId, gridName, id, title, cancellationToken);
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(GridsController.Details), "Grids", new { id = building.GridId });
    }

    /// <summary>Shows what the building holds now; returns its current version for the form to post again.</summary>
    private async Task<Guid> ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        var current = await db.Buildings.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new
            {
                b.Name, CompoundName = b.Compound!.Name, GridName = b.Grid!.Name,
                ChiefName = b.Chief != null ? b.Chief.Name : null, ChiefPhone = b.Chief != null ? b.Chief.Phone : null, b.Version,
            })
            .SingleAsync(cancellationToken);
        this.ShowConflict(l, new Dictionary<string, string?>
        {
            [l["Field.BuildingName"]] = current.Name,
            [l["Field.Compound"]] = current.CompoundName,
            [l["Field.Grid"]] = current.GridName,
            [l["Field.BuildingChief"]] = current.ChiefName,
            [l["Field.ChiefPhone"]] = current.ChiefPhone,
        });
        return current.Version;
    }

    /// <summary>
    /// The compound and grid must both be records the user can see, of the building's community, and the
    /// name must be free within the compound. Ids outside the user's scope read as an invalid choice.
    /// </summary>
    private async Task ValidateAsync(BuildingInput input, int communityId, int? exceptId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Compound? compound = null;
        if (input.CompoundId is { } compoundId)
        {
            compound = await db.Compounds.AsNoTracking().VisibleTo(scope).SingleOrDefaultAsync(c => c.Id == compoundId, cancellationToken);
            if (compound is null)
                ModelState.AddModelError(nameof(input.CompoundId), l["Validation.Choose", l["Field.Compound"]]);
            else if (compound.CommunityId != communityId)
            {
                ModelState.AddModelError(nameof(input.CompoundId), l["Buildings.CompoundOutsideCommunity"]);
                compound = null;
            }
        }

        if (input.GridId is { } gridId)
        {
            var grid = await db.Grids.AsNoTracking().VisibleTo(scope).SingleOrDefaultAsync(g => g.Id == gridId, cancellationToken);
            if (grid is null)
                ModelState.AddModelError(nameof(input.GridId), l["Validation.Choose", l["Field.Grid"]]);
            else if (compound is not null)
            {
                try
                {
                    Building.EnsureSameCommunity(compound, grid);
                }
                catch (DomainException error)
                {
                    ModelState.AddDomainError(error, l);
                }
            }
            else if (grid.CommunityId != communityId)
                ModelState.AddModelError(nameof(input.GridId), l["Building.GridOutsideCommunity"]);
        }

        if (compound is not null && ModelState.IsFieldValid(nameof(input.Name)))
        {
            var trimmed = input.Name!.Trim();
            if (await db.Buildings.AnyAsync(b => b.CompoundId == compound.Id && b.Name == trimmed && b.Id != exceptId, cancellationToken))
                ModelState.AddModelError(nameof(input.Name), l["Buildings.NameTaken"]);
        }
    }

    private async Task<ViewResult> BuildingFormAsync(BuildingInput input, CommunityRef community, int gridId, string gridName, int? id, string title, CancellationToken cancellationToken)
    {
        var (compounds, grids) = await Structure.ChoicesAsync(community.Id, cancellationToken);
        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Controller = "Buildings",
            Action = id is null ? nameof(CreateBuilding) : nameof(EditBuilding),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            GridId = gridId,
            GridName = gridName,
            RouteValues = StructureForms.RouteFor(id, "gridId", gridId),
            Compounds = compounds,
            Grids = grids,
        };
        return View("EditBuilding", input);
    }
}

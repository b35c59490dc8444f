using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Grids;

/// <summary>
/// 网格管理: grids with their grid chiefs. Their compounds and buildings (with building chiefs) are
/// <see cref="CompoundsController"/> and <see cref="BuildingsController"/>, under the same /Grids URLs. Every action
/// first finds the record within the user's scope (404 outside it), then asks whether the user may change the
/// community it belongs to (403 for paired units and grid workers, who read only): <see cref="CommunityStructure"/>.
/// </summary>
public sealed class GridsController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private CommunityStructure Structure => new(db, authorization, User);

    [HttpGet]
    public async Task<IActionResult> Index(string? q, int? communityId, bool vacant = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var query = db.Grids.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(g => g.Name.Contains(term) || (g.Chief != null && g.Chief.Name.Contains(term)));
        }
        // The community filter is the sub-district's, who sees all the communities; others see one (or a few).
        var seesAllCommunities = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded;
        if (!seesAllCommunities) communityId = null;
        if (communityId is { } filter) query = query.Where(g => g.CommunityId == filter);
        if (vacant) query = query.Where(g => g.Chief == null || g.Buildings.Any(b => b.Chief == null));

        var list = await query.OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new GridListItem(g.Id, g.Name, g.CommunityId, g.Community!.Name,
                g.Chief != null ? g.Chief.Name : null, g.Chief != null ? g.Chief.Phone : null,
                g.Buildings.Count, g.Buildings.Count(b => b.Chief == null)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        ViewData["Title"] = l["Grids.Title"];
        return View(new GridIndexViewModel
        {
            Grids = list,
            Query = q,
            CommunityId = communityId,
            VacantOnly = vacant,
            Communities = seesAllCommunities ? await CommunityFilterAsync(communityId, cancellationToken) : null,
            CreateForCommunityId = await OwnCommunityToChangeAsync(),
        });
    }

    private Task<List<SelectListItem>> CommunityFilterAsync(int? selected, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().VisibleTo(User.Scope()).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture), c.Id == selected))
            .ToListAsync(cancellationToken);

    /// <summary>The user's own community when it may add grids to it (its community committee); else null.</summary>
    private async Task<int?> OwnCommunityToChangeAsync()
    {
        var scope = User.Scope();
        return scope.CommunityId is { } own && await Structure.MayChangeAsync(scope.SubDistrictId, own) ? own : null;
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().VisibleTo(User.Scope()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.Id, g.Name, g.CommunityId, CommunityName = g.Community!.Name, g.Community.SubDistrictId,
                ChiefName = g.Chief != null ? g.Chief.Name : null, ChiefPhone = g.Chief != null ? g.Chief.Phone : null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (grid is null) return NotFound();

        var buildings = await db.Buildings.AsNoTracking().Where(b => b.GridId == id)
            .OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name)
            .Select(b => new GridBuildingItem(b.Id, b.Name, b.CompoundId, b.Compound!.Name, b.Chief != null ? b.Chief.Name : null, b.Chief != null ? b.Chief.Phone : null))
            .ToListAsync(cancellationToken);

        ViewData["Title"] = grid.Name;
        return View(new GridDetailsViewModel
        {
            Id = grid.Id,
            Name = grid.Name,
            CommunityId = grid.CommunityId,
            CommunityName = grid.CommunityName,
            ChiefName = grid.ChiefName,
            ChiefPhone = grid.ChiefPhone,
            Buildings = buildings,
            CanEdit = await Structure.MayChangeAsync(grid.SubDistrictId, grid.CommunityId),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(int communityId, CancellationToken cancellationToken)
    {
        var community = await Structure.FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        return GridForm(new GridInput(), community, id: null, gridName: null, l["Grids.Create"]);
    }

    [HttpPost]
    public async Task<IActionResult> Create(int communityId, GridInput input, CancellationToken cancellationToken)
    {
        var community = await Structure.FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        if (ModelState.IsFieldValid(nameof(input.Name)) && await NameTakenAsync(community.Id, input.Name!, exceptId: null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Grids.NameTaken"]);
        var chief = ModelState.ReadChief(input.Chief, l);
        if (!ModelState.IsValid) return GridForm(input, community, id: null, gridName: null, l["Grids.Create"]);

        var grid = new Grid { CommunityId = community.Id, Name = input.Name!.Trim() };
        grid.AssignChief(chief);
        db.Grids.Add(grid);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Grids.NameTaken"], cancellationToken))
            return GridForm(input, community, id: null, gridName: null, l["Grids.Create"]);
        TempData["Success"] = l["Grids.Created", grid.Name].Value;
        return RedirectToAction(nameof(Details), new { id = grid.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await Structure.FindGridAsync(id, cancellationToken) is not (var grid, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var input = new GridInput
        {
            Name = grid.Name,
            Chief = new ContactInput { Name = grid.Chief?.Name, Phone = grid.Chief?.Phone },
            Version = grid.Version,
        };
        return GridForm(input, community, id, grid.Name, l["Grids.Edit", grid.Name]);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, GridInput input, CancellationToken cancellationToken)
    {
        if (await Structure.FindGridAsync(id, cancellationToken) is not (var grid, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var gridName = grid.Name;
        var title = l["Grids.Edit", gridName];
        if (ModelState.IsFieldValid(nameof(input.Name)) && await NameTakenAsync(community.Id, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Grids.NameTaken"]);
        var chief = ModelState.ReadChief(input.Chief, l);
        if (!ModelState.IsValid) return GridForm(input, community, id, gridName, title);

        db.Entry(grid).Property(g => g.Version).OriginalValue = input.Version;
        grid.Name = input.Name!.Trim();
        if (!StructureForms.SameContact(grid.Chief, chief))
        {
            grid.AssignChief(chief);
        }
        var saved = await db.TrySaveAsync(grid, input.Version, ModelState, l["Grids.NameTaken"], cancellationToken);
        if (saved == StructureSaveResult.Conflict) input.Version = await ShowConflictAsync(id, cancellationToken);
        if (saved != StructureSaveResult.Saved) return GridForm(input, community, id, gridName, title);
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Shows what the grid holds now; returns its current version for the form to post again.</summary>
    private async Task<Guid> ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        var current = await db.Grids.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new { g.Name, ChiefName = g.Chief != null ? g.Chief.Name : null, ChiefPhone = g.Chief != null ? g.Chief.Phone : null, g.Version })
            .SingleAsync(cancellationToken);
        this.ShowConflict(l, new Dictionary<string, string?>
        {
            [l["Field.GridName"]] = current.Name,
            [l["Field.GridChief"]] = current.ChiefName,
            [l["Field.ChiefPhone"]] = current.ChiefPhone,
        });
        return current.Version;
    }

    private Task<bool> NameTakenAsync(int communityId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Grids.AnyAsync(g => g.CommunityId == communityId && g.Name == trimmed && g.Id != exceptId, cancellationToken);
    }

    private ViewResult GridForm(GridInput input, CommunityRef community, int? id, string? gridName, string title)
    {
        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Controller = "Grids",
            Action = id is null ? nameof(Create) : nameof(Edit),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            GridId = id,
            GridName = gridName,
            RouteValues = StructureForms.RouteFor(id, "communityId", community.Id),
        };
        return View("Edit", input);
    }
}

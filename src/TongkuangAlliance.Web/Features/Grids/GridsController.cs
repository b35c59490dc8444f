using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Core.Structure;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.Grids;

/// <summary>
/// 网格管理: grids with their grid chiefs, and the compounds and buildings (with building chiefs) they cover.
/// Every action first finds the record within the user's scope (404 outside it), then asks whether the user
/// may change the community it belongs to (403 for paired units, who read only).
/// </summary>
public sealed class GridsController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private sealed record CommunityRef(int Id, int SubDistrictId, string Name);

    // ----- Grids -------------------------------------------------------------------------------------

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
        var isSubDistrict = scope.Role == PortalRole.SubDistrictCommittee;
        if (!isSubDistrict) communityId = null;
        if (communityId is { } filter) query = query.Where(g => g.CommunityId == filter);
        if (vacant) query = query.Where(g => g.Chief == null || g.Buildings.Any(b => b.Chief == null));

        var list = await query.OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new GridListItem(g.Id, g.Name, g.CommunityId, g.Community!.Name,
                g.Chief != null ? g.Chief.Name : null, g.Chief != null ? g.Chief.Phone : null,
                g.Buildings.Count, g.Buildings.Count(b => b.Chief == null)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        IReadOnlyList<SelectListItem>? communities = null;
        if (isSubDistrict)
        {
            communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
                .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture), c.Id == communityId))
                .ToListAsync(cancellationToken);
        }

        ViewData["Title"] = l["Grids.Title"];
        return View(new GridIndexViewModel
        {
            Grids = list,
            Query = q,
            CommunityId = communityId,
            VacantOnly = vacant,
            Communities = communities,
            CreateForCommunityId = scope.Role == PortalRole.CommunityCommittee ? scope.CommunityId : null,
        });
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
            CanEdit = await CanEditAsync(grid.SubDistrictId, grid.CommunityId),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(int communityId, CancellationToken cancellationToken)
    {
        var community = await FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        return GridForm(new GridInput(), community, id: null, gridName: null, l["Grids.Create"]);
    }

    [HttpPost]
    public async Task<IActionResult> Create(int communityId, GridInput input, CancellationToken cancellationToken)
    {
        var community = await FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        if (IsValid(nameof(input.Name)) && await GridNameTakenAsync(community.Id, input.Name!, exceptId: null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Grids.NameTaken"]);
        var chief = ReadChief(input.Chief);
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
        var found = await FindGridAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (grid, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

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
        var found = await FindGridAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (grid, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        var gridName = grid.Name;
        var title = l["Grids.Edit", gridName];
        if (IsValid(nameof(input.Name)) && await GridNameTakenAsync(community.Id, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Grids.NameTaken"]);
        var chief = ReadChief(input.Chief);
        if (!ModelState.IsValid) return GridForm(input, community, id, gridName, title);

        db.Entry(grid).Property(g => g.Version).OriginalValue = input.Version;
        grid.Name = input.Name!.Trim();
        if (!SameContact(grid.Chief, chief))
        {
            grid.AssignChief(chief);
        }
        var saved = await TrySaveAsync(grid, input.Version, "Grids.NameTaken", cancellationToken);
        if (saved == SaveResult.NameTaken) return GridForm(input, community, id, gridName, title);
        if (saved == SaveResult.Conflict)
        {
            var current = await db.Grids.AsNoTracking().Where(g => g.Id == id)
                .Select(g => new { g.Name, ChiefName = g.Chief != null ? g.Chief.Name : null, ChiefPhone = g.Chief != null ? g.Chief.Phone : null, g.Version })
                .SingleAsync(cancellationToken);
            ShowConflict(new Dictionary<string, string?>
            {
                [l["Field.GridName"]] = current.Name,
                [l["Field.GridChief"]] = current.ChiefName,
                [l["Field.ChiefPhone"]] = current.ChiefPhone,
            });
            input.Version = current.Version;
            return GridForm(input, community, id, gridName, title);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    // ----- Compounds ---------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> CreateCompound(int communityId, CancellationToken cancellationToken)
    {
        var community = await FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        return CompoundForm(new CompoundInput(), community, id: null, l["Compounds.Create"]);
    }

    [HttpPost]
    public async Task<IActionResult> CreateCompound(int communityId, CompoundInput input, CancellationToken cancellationToken)
    {
        var community = await FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        if (IsValid(nameof(input.Name)) && await CompoundNameTakenAsync(community.Id, input.Name!, exceptId: null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Compounds.NameTaken"]);
        if (!ModelState.IsValid) return CompoundForm(input, community, id: null, l["Compounds.Create"]);

        var compound = new Compound { CommunityId = community.Id, Name = "" };
        Apply(input, compound);
        db.Compounds.Add(compound);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Compounds.NameTaken"], cancellationToken))
            return CompoundForm(input, community, id: null, l["Compounds.Create"]);
        TempData["Success"] = l["Compounds.Created", compound.Name].Value;
        return RedirectToAction("Details", "Communities", new { id = community.Id });
    }

    [HttpGet]
    public async Task<IActionResult> EditCompound(int id, CancellationToken cancellationToken)
    {
        var found = await FindCompoundAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (compound, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        var input = new CompoundInput { Name = compound.Name, Address = compound.Address, PartyBranchName = compound.PartyBranchName, Version = compound.Version };
        return CompoundForm(input, community, id, l["Compounds.Edit", compound.Name]);
    }

    [HttpPost]
    public async Task<IActionResult> EditCompound(int id, CompoundInput input, CancellationToken cancellationToken)
    {
        var found = await FindCompoundAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (compound, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        var title = l["Compounds.Edit", compound.Name];
        if (IsValid(nameof(input.Name)) && await CompoundNameTakenAsync(community.Id, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Compounds.NameTaken"]);
        if (!ModelState.IsValid) return CompoundForm(input, community, id, title);

        db.Entry(compound).Property(c => c.Version).OriginalValue = input.Version;
        Apply(input, compound);
        var saved = await TrySaveAsync(compound, input.Version, "Compounds.NameTaken", cancellationToken);
        if (saved == SaveResult.NameTaken) return CompoundForm(input, community, id, title);
        if (saved == SaveResult.Conflict)
        {
            var current = await db.Compounds.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            ShowConflict(new Dictionary<string, string?>
            {
                [l["Field.CompoundName"]] = current.Name,
                [l["Field.Address"]] = current.Address,
                [l["Field.PartyBranchName"]] = current.PartyBranchName,
            });
            input.Version = current.Version;
            return CompoundForm(input, community, id, title);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction("Details", "Communities", new { id = community.Id });
    }

    // ----- Buildings ---------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> CreateBuilding(int gridId, CancellationToken cancellationToken)
    {
        var found = await FindGridAsync(gridId, cancellationToken, tracking: false);
        if (found is null) return NotFound();
        var (grid, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        return await BuildingFormAsync(new BuildingInput { GridId = grid.Id }, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> CreateBuilding(int gridId, BuildingInput input, CancellationToken cancellationToken)
    {
        var found = await FindGridAsync(gridId, cancellationToken, tracking: false);
        if (found is null) return NotFound();
        var (grid, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        await ValidateBuildingAsync(input, community.Id, exceptId: null, cancellationToken);
        var chief = ReadChief(input.Chief);
        if (!ModelState.IsValid)
            return await BuildingFormAsync(input, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);

        var building = new Building { Name = input.Name!.Trim(), CompoundId = input.CompoundId!.Value, GridId = input.GridId!.Value };
        building.AssignChief(chief);
        db.Buildings.Add(building);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Buildings.NameTaken"], cancellationToken))
            return await BuildingFormAsync(input, community, grid.Id, grid.Name, id: null, l["Buildings.Create"], cancellationToken);
        TempData["Success"] = l["Buildings.Created", building.Name].Value;
        return RedirectToAction(nameof(Details), new { id = building.GridId });
    }

    [HttpGet]
    public async Task<IActionResult> EditBuilding(int id, CancellationToken cancellationToken)
    {
        var found = await FindBuildingAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (building, gridName, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

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
        var found = await FindBuildingAsync(id, cancellationToken);
        if (found is null) return NotFound();
        var (building, gridName, community) = found.Value;
        if (!await CanEditAsync(community.SubDistrictId, community.Id)) return Forbid();

        var title = l["Buildings.Edit", building.Name];
        await ValidateBuildingAsync(input, community.Id, exceptId: id, cancellationToken);
        var chief = ReadChief(input.Chief);
        if (!ModelState.IsValid)
            return await BuildingFormAsync(input, community, building.GridId, gridName, id, title, cancellationToken);

        db.Entry(building).Property(b => b.Version).OriginalValue = input.Version;
        building.Name = input.Name!.Trim();
        building.CompoundId = input.CompoundId!.Value;
        building.GridId = input.GridId!.Value;
        if (!SameContact(building.Chief, chief))
        {
            building.AssignChief(chief);
        }
        var saved = await TrySaveAsync(building, input.Version, "Buildings.NameTaken", cancellationToken);
        if (saved == SaveResult.NameTaken) return await BuildingFormAsync(input, community, building.GridId, gridName, id, title, cancellationToken);
        if (saved == SaveResult.Conflict)
        {
            var current = await db.Buildings.AsNoTracking().Where(b => b.Id == id)
                .Select(b => new
                {
                    b.Name, CompoundName = b.Compound!.Name, GridName = b.Grid!.Name,
                    ChiefName = b.Chief != null ? b.Chief.Name : null, ChiefPhone = b.Chief != null ? b.Chief.Phone : null, b.Version,
                })
                .SingleAsync(cancellationToken);
            ShowConflict(new Dictionary<string, string?>
            {
                [l["Field.BuildingName"]] = current.Name,
                [l["Field.Compound"]] = current.CompoundName,
                [l["Field.Grid"]] = current.GridName,
                [l["Field.BuildingChief"]] = current.ChiefName,
                [l["Field.ChiefPhone"]] = current.ChiefPhone,
            });
            input.Version = current.Version;
            return await BuildingFormAsync(input, community, building.GridId, gridName, id, title, cancellationToken);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id = building.GridId });
    }

    // ----- Finding, authorizing, validating ----------------------------------------------------------

    private Task<CommunityRef?> FindCommunityAsync(int id, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().VisibleTo(User.Scope()).Where(c => c.Id == id)
            .Select(c => new CommunityRef(c.Id, c.SubDistrictId, c.Name))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<(Grid Grid, CommunityRef Community)?> FindGridAsync(int id, CancellationToken cancellationToken, bool tracking = true)
    {
        var grids = tracking ? db.Grids : db.Grids.AsNoTracking();
        var found = await grids.VisibleTo(User.Scope()).Where(g => g.Id == id)
            .Select(g => new { Grid = g, Community = new CommunityRef(g.CommunityId, g.Community!.SubDistrictId, g.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Grid, found.Community);
    }

    private async Task<(Compound Compound, CommunityRef Community)?> FindCompoundAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Compounds.VisibleTo(User.Scope()).Where(c => c.Id == id)
            .Select(c => new { Compound = c, Community = new CommunityRef(c.CommunityId, c.Community!.SubDistrictId, c.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Compound, found.Community);
    }

    private async Task<(Building Building, string GridName, CommunityRef Community)?> FindBuildingAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Buildings.VisibleTo(User.Scope()).Where(b => b.Id == id)
            .Select(b => new { Building = b, GridName = b.Grid!.Name, Community = new CommunityRef(b.Grid.CommunityId, b.Grid.Community!.SubDistrictId, b.Grid.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Building, found.GridName, found.Community);
    }

    private async Task<bool> CanEditAsync(int subDistrictId, int communityId) =>
        (await authorization.AuthorizeAsync(User, new CommunityResource(subDistrictId, communityId), Operations.Update)).Succeeded;

    private bool IsValid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;

    /// <summary>The chief post from the form: a contact, or null for vacant. Half-filled posts become field errors.</summary>
    private Contact? ReadChief(ContactInput input)
    {
        const string prefix = nameof(GridInput.Chief);
        if (!IsValid($"{prefix}.{nameof(ContactInput.Name)}") || !IsValid($"{prefix}.{nameof(ContactInput.Phone)}")) return null;
        try
        {
            return Contact.FromInput(input.Name, input.Phone);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, prefix);
            return null;
        }
    }

    private static bool SameContact(Contact? a, Contact? b) =>
        a is null ? b is null : b is not null && a.Name == b.Name && a.Phone == b.Phone;

    private enum SaveResult
    {
        Saved,
        Conflict,
        NameTaken,
    }

    /// <summary>
    /// Saves unless the record changed since the form was opened (checked against the loaded token first, and by
    /// the database's concurrency check for a change that lands in between: <see cref="SaveResult.Conflict"/>), or
    /// unless the name's unique index refuses it because someone saved the same name since the form's check
    /// (<see cref="SaveResult.NameTaken"/>, with <paramref name="nameTakenKey"/>'s message on the name field).
    /// </summary>
    private async Task<SaveResult> TrySaveAsync(AuditableEntity entity, Guid formVersion, string nameTakenKey, CancellationToken cancellationToken)
    {
        if (entity.Version != formVersion) return SaveResult.Conflict;
        try
        {
            return await db.SaveUnlessTakenAsync(ModelState, nameof(GridInput.Name), l[nameTakenKey], cancellationToken) ? SaveResult.Saved : SaveResult.NameTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    private void ShowConflict(Dictionary<string, string?> current)
    {
        this.ShowConcurrencyConflict(l, current);
        ModelState.Remove(nameof(GridInput.Version));
    }

    private Task<bool> GridNameTakenAsync(int communityId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Grids.AnyAsync(g => g.CommunityId == communityId && g.Name == trimmed && g.Id != exceptId, cancellationToken);
    }

    private Task<bool> CompoundNameTakenAsync(int communityId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Compounds.AnyAsync(c => c.CommunityId == communityId && c.Name == trimmed && c.Id != exceptId, cancellationToken);
    }

    /// <summary>
    /// The compound and grid must both be records the user can see, of the building's community, and the
    /// name must be free within the compound. Ids outside the user's scope read as an invalid choice.
    /// </summary>
    private async Task ValidateBuildingAsync(BuildingInput input, int communityId, int? exceptId, CancellationToken cancellationToken)
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

        if (compound is not null && IsValid(nameof(input.Name)))
        {
            var trimmed = input.Name!.Trim();
            if (await db.Buildings.AnyAsync(b => b.CompoundId == compound.Id && b.Name == trimmed && b.Id != exceptId, cancellationToken))
                ModelState.AddModelError(nameof(input.Name), l["Buildings.NameTaken"]);
        }
    }

    private static void Apply(CompoundInput input, Compound compound)
    {
        compound.Name = input.Name!.Trim();
        compound.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        compound.PartyBranchName = string.IsNullOrWhiteSpace(input.PartyBranchName) ? null : input.PartyBranchName.Trim();
    }

    // ----- Forms -------------------------------------------------------------------------------------

    private ViewResult GridForm(GridInput input, CommunityRef community, int? id, string? gridName, string title)
    {
        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Action = id is null ? nameof(Create) : nameof(Edit),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            GridId = id,
            GridName = gridName,
            RouteValues = RouteFor(id, "communityId", community.Id),
        };
        return View("Edit", input);
    }

    private ViewResult CompoundForm(CompoundInput input, CommunityRef community, int? id, string title)
    {
        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Action = id is null ? nameof(CreateCompound) : nameof(EditCompound),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            RouteValues = RouteFor(id, "communityId", community.Id),
        };
        return View("EditCompound", input);
    }

    private async Task<ViewResult> BuildingFormAsync(BuildingInput input, CommunityRef community, int gridId, string gridName, int? id, string title, CancellationToken cancellationToken)
    {
        var compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityId == community.Id).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == community.Id).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);

        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Action = id is null ? nameof(CreateBuilding) : nameof(EditBuilding),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            GridId = gridId,
            GridName = gridName,
            RouteValues = RouteFor(id, "gridId", gridId),
            Compounds = compounds.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            Grids = grids.Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
        };
        return View("EditBuilding", input);
    }

    private static Dictionary<string, string> RouteFor(int? id, string parentKey, int parentId) => id is { } value
        ? new() { ["id"] = value.ToString(CultureInfo.InvariantCulture) }
        : new() { [parentKey] = parentId.ToString(CultureInfo.InvariantCulture) };
}

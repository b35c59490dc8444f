using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Grids;

/// <summary>
/// A community's compounds (小区), kept with its grids: the URLs stay /Grids/CreateCompound and
/// /Grids/EditCompound. Found within the user's scope (404 outside it), changed by those who may change the
/// community's structure (403 otherwise): <see cref="CommunityStructure"/>.
/// </summary>
[Route("Grids/[action]/{id?}")]
public sealed class CompoundsController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private CommunityStructure Structure => new(db, authorization, User);

    [HttpGet]
    public async Task<IActionResult> CreateCompound(int communityId, CancellationToken cancellationToken)
    {
        var community = await Structure.FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        return CompoundForm(new CompoundInput(), community, id: null, l["Compounds.Create"]);
    }

    [HttpPost]
    public async Task<IActionResult> CreateCompound(int communityId, CompoundInput input, CancellationToken cancellationToken)
    {
        var community = await Structure.FindCommunityAsync(communityId, cancellationToken);
        if (community is null) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        if (ModelState.IsFieldValid(nameof(input.Name)) && await NameTakenAsync(community.Id, input.Name!, exceptId: null, cancellationToken))
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
        if (await Structure.FindCompoundAsync(id, cancellationToken) is not (var compound, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var input = new CompoundInput { Name = compound.Name, Address = compound.Address, PartyBranchName = compound.PartyBranchName, Version = compound.Version };
        return CompoundForm(input, community, id, l["Compounds.Edit", compound.Name]);
    }

    [HttpPost]
    public async Task<IActionResult> EditCompound(int id, CompoundInput input, CancellationToken cancellationToken)
    {
        if (await Structure.FindCompoundAsync(id, cancellationToken) is not (var compound, var community)) return NotFound();
        if (!await Structure.MayChangeAsync(community)) return Forbid();

        var title = l["Compounds.Edit", compound.Name];
        if (ModelState.IsFieldValid(nameof(input.Name)) && await NameTakenAsync(community.Id, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Compounds.NameTaken"]);
        if (!ModelState.IsValid) return CompoundForm(input, community, id, title);

        db.Entry(compound).Property(c => c.Version).OriginalValue = input.Version;
        Apply(input, compound);
        var saved = await db.TrySaveAsync(compound, input.Version, ModelState, l["Compounds.NameTaken"], cancellationToken);
        if (saved == StructureSaveResult.Conflict) input.Version = await ShowConflictAsync(id, cancellationToken);
        if (saved != StructureSaveResult.Saved) return CompoundForm(input, community, id, title);
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction("Details", "Communities", new { id = community.Id });
    }

    /// <summary>Shows what the compound holds now; returns its current version for the form to post again.</summary>
    private async Task<Guid> ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        var current = await db.Compounds.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        this.ShowConflict(l, new Dictionary<string, string?>
        {
            [l["Field.CompoundName"]] = current.Name,
            [l["Field.Address"]] = current.Address,
            [l["Field.PartyBranchName"]] = current.PartyBranchName,
        });
        return current.Version;
    }

    private Task<bool> NameTakenAsync(int communityId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Compounds.AnyAsync(c => c.CommunityId == communityId && c.Name == trimmed && c.Id != exceptId, cancellationToken);
    }

    private static void Apply(CompoundInput input, Compound compound)
    {
        compound.Name = input.Name!.Trim();
        compound.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        compound.PartyBranchName = string.IsNullOrWhiteSpace(input.PartyBranchName) ? null : input.PartyBranchName.Trim();
    }

    private ViewResult CompoundForm(CompoundInput input, CommunityRef community, int? id, string title)
    {
        ViewData["Title"] = title;
        ViewData["Form"] = new StructureFormContext
        {
            Controller = "Compounds",
            Action = id is null ? nameof(CreateCompound) : nameof(EditCompound),
            Id = id,
            CommunityId = community.Id,
            CommunityName = community.Name,
            RouteValues = StructureForms.RouteFor(id, "communityId", community.Id),
        };
        return View("EditCompound", input);
    }
}

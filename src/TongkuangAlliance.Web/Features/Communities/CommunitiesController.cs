using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Communities;

/// <summary>社区: list, detail with compounds, grids, buildings and paired units; create and edit.</summary>
public sealed class CommunitiesController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l,
    TongkuangAlliance.Web.Infrastructure.Notifications.NotificationSecrets secrets) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var query = db.Communities.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Name.Contains(term) || (c.SecretaryName != null && c.SecretaryName.Contains(term)));
        }
        var list = await query.OrderBy(c => c.Name)
            .Select(c => new CommunityListItem(c.Id, c.Name, c.PartyCommitteeName, c.SecretaryName, c.Compounds.Count, c.Grids.Count, c.Pairings.Count(p => p.EndDate == null)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        ViewData["Title"] = l["Communities.Title"];
        return View(new CommunityIndexViewModel { Communities = list, Query = q, CanCreate = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var community = await db.Communities.AsNoTracking().VisibleTo(scope).Where(c => c.Id == id)
            .Select(c => new { c.Id, c.SubDistrictId, c.Name, c.PartyCommitteeName, c.SecretaryName, c.OfficePhone, c.Address, c.Households })
            .SingleOrDefaultAsync(cancellationToken);
        if (community is null) return NotFound();

        var compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityId == id).OrderBy(c => c.Name)
            .Select(c => new CompoundItem(c.Id, c.Name, c.PartyBranchName, c.Address, c.Buildings.Count))
            .ToListAsync(cancellationToken);
        var grids = await GridsAsync(id, cancellationToken);
        var pairings = await db.Pairings.AsNoTracking().VisibleTo(scope).Where(p => p.CommunityId == id)
            .OrderBy(p => p.EndDate != null).ThenBy(p => p.StartDate)
            .Select(p => new PairingItem(p.Id, p.MemberUnitId, p.MemberUnit!.Name, p.MemberUnit.PartyOrganisationName, p.StartDate, p.EndDate))
            .ToListAsync(cancellationToken);

        var resource = new CommunityResource(community.SubDistrictId, community.Id);
        ViewData["Title"] = community.Name;
        return View(new CommunityDetailsViewModel
        {
            Id = community.Id,
            Name = community.Name,
            PartyCommitteeName = community.PartyCommitteeName,
            SecretaryName = community.SecretaryName,
            OfficePhone = community.OfficePhone,
            Address = community.Address,
            Households = community.Households,
            Compounds = compounds,
            Grids = grids,
            Pairings = pairings,
            CanEdit = (await authorization.AuthorizeAsync(User, resource, Operations.Update)).Succeeded,
            CanManagePairings = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded,
        });
    }

    /// <summary>The community's grids, each with its buildings.</summary>
    private async Task<List<GridItem>> GridsAsync(int communityId, CancellationToken cancellationToken)
    {
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.Grid!.CommunityId == communityId)
            .OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name)
            .Select(b => new { b.GridId, Item = new BuildingItem(b.Id, b.Name, b.Compound!.Name, b.Chief != null ? b.Chief.Name : null, b.Chief != null ? b.Chief.Phone : null) })
            .ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == communityId).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, ChiefName = g.Chief != null ? g.Chief.Name : null, ChiefPhone = g.Chief != null ? g.Chief.Phone : null })
            .ToListAsync(cancellationToken);
        return grids.Select(g => new GridItem(g.Id, g.Name, g.ChiefName, g.ChiefPhone, buildings.Where(b => b.GridId == g.Id).Select(b => b.Item).ToList())).ToList();
    }

    [HttpGet, Authorize(Policy = Policies.SubDistrictOnly)]
    public IActionResult Create()
    {
        ViewData["Title"] = l["Communities.Create"];
        return View("Edit", new CommunityInput());
    }

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> Create(CommunityInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Communities.Create"];
        var scope = User.Scope();
        if (ModelState.IsValid && await NameTakenAsync(scope.SubDistrictId, input.Name!, exceptId: null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Communities.NameTaken"]);
        if (!ModelState.IsValid) return View("Edit", input);

        var community = new Community { SubDistrictId = scope.SubDistrictId, Name = "", PartyCommitteeName = "" };
        Apply(input, community);
        input.Robot.ApplyTo(community, secrets);
        db.Communities.Add(community);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Communities.NameTaken"], cancellationToken))
            return View("Edit", input);
        TempData["Success"] = l["Communities.Created", community.Name].Value;
        return RedirectToAction(nameof(Details), new { id = community.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var community = await FindEditableAsync(id, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community)) return Forbid();

        ViewData["Title"] = l["Communities.Edit", community.Name];
        ViewData["Id"] = id;
        return View(new CommunityInput
        {
            Name = community.Name,
            PartyCommitteeName = community.PartyCommitteeName,
            SecretaryName = community.SecretaryName,
            OfficePhone = community.OfficePhone,
            Address = community.Address,
            Households = community.Households,
            Robot = RobotInput.From(community),
            Version = community.Version,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, CommunityInput input, CancellationToken cancellationToken)
    {
        var community = await FindEditableAsync(id, cancellationToken);
        if (community is null) return NotFound();
        if (!await CanEditAsync(community)) return Forbid();

        ViewData["Title"] = l["Communities.Edit", community.Name];
        ViewData["Id"] = id;
        if (ModelState.IsValid && await NameTakenAsync(community.SubDistrictId, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["Communities.NameTaken"]);
        if (!ModelState.IsValid) return View(input);

        db.Entry(community).Property(c => c.Version).OriginalValue = input.Version;
        Apply(input, community);
        input.Robot.ApplyTo(community, secrets);
        try
        {
            if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["Communities.NameTaken"], cancellationToken))
                return View(input);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
            {
                [l["Field.CommunityName"]] = current.Name,
                [l["Field.PartyCommitteeName"]] = current.PartyCommitteeName,
                [l["Field.SecretaryName"]] = current.SecretaryName,
                [l["Field.OfficePhone"]] = current.OfficePhone,
                [l["Field.Address"]] = current.Address,
                [l["Field.Households"]] = current.Households?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            ModelState.Remove(nameof(input.Version));
            input.Version = current.Version;
            return View(input);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<Community?> FindEditableAsync(int id, CancellationToken cancellationToken) =>
        db.Communities.VisibleTo(User.Scope()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<bool> CanEditAsync(Community community) =>
        (await authorization.AuthorizeAsync(User, new CommunityResource(community.SubDistrictId, community.Id), Operations.Update)).Succeeded;

    private Task<bool> NameTakenAsync(int subDistrictId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.Communities.AnyAsync(c => c.SubDistrictId == subDistrictId && c.Name == trimmed && c.Id != exceptId, cancellationToken);
    }

    private static void Apply(CommunityInput input, Community community)
    {
        community.Name = input.Name!.Trim();
        community.PartyCommitteeName = input.PartyCommitteeName!.Trim();
        community.SecretaryName = input.SecretaryName?.Trim();
        community.OfficePhone = input.OfficePhone?.Trim();
        community.Address = input.Address?.Trim();
        community.Households = input.Households;
    }
}

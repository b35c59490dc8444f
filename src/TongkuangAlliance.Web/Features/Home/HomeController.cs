namespace TongkuangAlliance.Web.Features.Home;

/// <summary>Each role lands on a page made for it, with real counts from the database.</summary>
[TongkuangAlliance.Web.Authorization.OpenToVolunteers]
public sealed class HomeController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private HomeToDo Queues(UserScope scope) => new(db, clock, l, scope, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        ViewData["Title"] = l["Home.Title"];
        return PortalHome.Of(scope) switch
        {
            PortalHomePage.SubDistrict => View("SubDistrict", await SubDistrictHomeAsync(scope, cancellationToken)),
            PortalHomePage.Community => View("Community", await CommunityHomeAsync(scope, cancellationToken)),
            PortalHomePage.Unit => View("Unit", await UnitHomeAsync(scope, cancellationToken)),
            PortalHomePage.GridWork => RedirectToAction("Index", "GridWork"),
            PortalHomePage.MyVolunteering => RedirectToAction("Index", "MyVolunteering"),
            _ => Forbid(),
        };
    }

    private async Task<SubDistrictHomeViewModel> SubDistrictHomeAsync(UserScope scope, CancellationToken ct)
    {
        var communities = db.Communities.AsNoTracking().VisibleTo(scope);
        var rows = await communities
            .OrderBy(c => c.Name)
            .Select(c => new CommunityRow(c.Id, c.Name, c.SecretaryName,
                c.Compounds.Count, c.Grids.Count, c.Grids.SelectMany(g => g.Buildings).Count(),
                c.Pairings.Count(p => p.EndDate == null)))
            .ToListAsync(ct);
        var grids = db.Grids.AsNoTracking().VisibleTo(scope);
        var buildings = db.Buildings.AsNoTracking().VisibleTo(scope);
        return new SubDistrictHomeViewModel
        {
            SubDistrictName = await db.SubDistricts.Where(s => s.Id == scope.SubDistrictId).Select(s => s.Name).SingleAsync(ct),
            Communities = rows.Count,
            Compounds = rows.Sum(r => r.Compounds),
            Grids = rows.Sum(r => r.Grids),
            Buildings = rows.Sum(r => r.Buildings),
            MemberUnits = await db.MemberUnits.VisibleTo(scope).CountAsync(ct),
            ActivePairings = rows.Sum(r => r.ActivePairings),
            VacantGridChiefs = await grids.CountAsync(g => g.Chief == null, ct),
            VacantBuildingChiefs = await buildings.CountAsync(b => b.Chief == null, ct),
            CasesNeedingAttention = await db.Cases.AsNoTracking().VisibleTo(scope).CountAsync(Case.EscalatedOrOverdueAt(clock.GetUtcNow().UtcDateTime), ct),
            CommunityRows = rows,
            OverdueByCommunity = await Queues(scope).OverdueByCommunityAsync(rows.Select(r => (r.Id, r.Name)), ct),
            LockedAccounts = await AutoLockedAccountsAsync(scope, ct),
        };
    }

    /// <summary>Accounts of the sub-district that locked themselves by failed sign-ins (issue 20 #8) and are still locked.</summary>
    private async Task<IReadOnlyList<LockedAccountRow>> AutoLockedAccountsAsync(UserScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.UtcDateTime.AddDays(-1);
        var locks = await db.AuditEntries.AsNoTracking().VisibleTo(scope)
            .Where(a => a.EntityType == Accounts.AccountAudit.EntityType && a.Action == Accounts.AccountAudit.AutoLocked && a.AtUtc >= since)
            .Join(db.Users.AsNoTracking().VisibleTo(scope), a => a.EntityId, u => u.Id, (a, u) => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        return locks.Where(u => u.LockoutEnd > now && u.LockoutEnd < Accounts.AccountState.AdministratorLockEnd)
            .DistinctBy(u => u.Id).OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new LockedAccountRow(u.Id, u.UserName!, u.DisplayName, u.LockoutEnd!.Value.UtcDateTime)).ToList();
    }

    private async Task<CommunityHomeViewModel> CommunityHomeAsync(UserScope scope, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().VisibleTo(scope).Select(c => new { c.Id, c.Name }).SingleAsync(ct);
        return new CommunityHomeViewModel
        {
            CommunityId = community.Id,
            CommunityName = community.Name,
            Compounds = await db.Compounds.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
                .Select(c => new CompoundRow(c.Id, c.Name, c.PartyBranchName, c.Buildings.Count)).ToListAsync(ct),
            Grids = await db.Grids.AsNoTracking().VisibleTo(scope).OrderBy(g => g.Name)
                .Select(g => new GridRow(g.Id, g.Name, g.Chief != null ? g.Chief.Name : null, g.Chief != null ? g.Chief.Phone : null, g.Buildings.Count)).ToListAsync(ct),
            PairedUnits = await db.Pairings.AsNoTracking().VisibleTo(scope).Where(p => p.EndDate == null).OrderBy(p => p.StartDate)
                .Select(p => new PairedUnitRow(p.MemberUnitId, p.MemberUnit!.Name, p.MemberUnit.PartyOrganisationName, p.StartDate)).ToListAsync(ct),
            VacantBuildingChiefs = await db.Buildings.AsNoTracking().VisibleTo(scope).CountAsync(b => b.Chief == null, ct),
            Work = await Queues(scope).CommunityAsync(ct),
        };
    }

    private async Task<UnitHomeViewModel> UnitHomeAsync(UserScope scope, CancellationToken ct)
    {
        var unit = await db.MemberUnits.AsNoTracking().VisibleTo(scope).Select(u => new { u.Id, u.Name }).SingleAsync(ct);
        return new UnitHomeViewModel
        {
            Work = await Queues(scope).UnitAsync(unit.Id, ct),
            MemberUnitId = unit.Id,
            UnitName = unit.Name,
            Pairings = await db.Pairings.AsNoTracking().VisibleTo(scope)
                .OrderBy(p => p.EndDate != null).ThenByDescending(p => p.StartDate)
                .Select(p => new UnitPairingRow(p.Id, p.CommunityId, p.Community!.Name, p.StartDate, p.EndDate)).ToListAsync(ct),
        };
    }
}

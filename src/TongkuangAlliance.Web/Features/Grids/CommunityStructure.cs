using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Grids;

/// <summary>The community a structure record belongs to: what its form shows, and what decides who may change it.</summary>
public sealed record CommunityRef(int Id, int SubDistrictId, string Name);

/// <summary>
/// A community's structure (compounds, grids, buildings) as the Grids, Compounds and Buildings pages share it:
/// each record found within the user's scope together with its community (not found outside the scope), whether
/// the user may change that community's structure (<see cref="CommunityAuthorizationHandler"/>; paired units and
/// grid workers read only), and the community's compounds and grids as the choices of a building's form.
/// </summary>
public sealed class CommunityStructure(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user)
{
    public Task<CommunityRef?> FindCommunityAsync(int id, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().VisibleTo(user.Scope()).Where(c => c.Id == id)
            .Select(c => new CommunityRef(c.Id, c.SubDistrictId, c.Name))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<(Grid Grid, CommunityRef Community)?> FindGridAsync(int id, CancellationToken cancellationToken, bool tracking = true)
    {
        var grids = tracking ? db.Grids : db.Grids.AsNoTracking();
        var found = await grids.VisibleTo(user.Scope()).Where(g => g.Id == id)
            .Select(g => new { Grid = g, Community = new CommunityRef(g.CommunityId, g.Community!.SubDistrictId, g.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Grid, found.Community);
    }

    public async Task<(Compound Compound, CommunityRef Community)?> FindCompoundAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Compounds.VisibleTo(user.Scope()).Where(c => c.Id == id)
            .Select(c => new { Compound = c, Community = new CommunityRef(c.CommunityId, c.Community!.SubDistrictId, c.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Compound, found.Community);
    }

    public async Task<(Building Building, string GridName, CommunityRef Community)?> FindBuildingAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Buildings.VisibleTo(user.Scope()).Where(b => b.Id == id)
            .Select(b => new { Building = b, GridName = b.Grid!.Name, Community = new CommunityRef(b.Grid.CommunityId, b.Grid.Community!.SubDistrictId, b.Grid.Community.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Building, found.GridName, found.Community);
    }

    /// <summary>Whether the user may change the structure of the community (its compounds, grids, buildings and chiefs).</summary>
    public async Task<bool> MayChangeAsync(int subDistrictId, int communityId) =>
        (await authorization.AuthorizeAsync(user, new CommunityResource(subDistrictId, communityId), Operations.Update)).Succeeded;

    public Task<bool> MayChangeAsync(CommunityRef community) => MayChangeAsync(community.SubDistrictId, community.Id);

    /// <summary>The community's compounds and grids, by name: the choices of a building's form.</summary>
    public async Task<(IReadOnlyList<SelectListItem> Compounds, IReadOnlyList<SelectListItem> Grids)> ChoicesAsync(int communityId, CancellationToken cancellationToken)
    {
        var compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityId == communityId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == communityId).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        return (compounds.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            grids.Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture))).ToList());
    }
}

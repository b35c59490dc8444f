using TongkuangAlliance.Web.Infrastructure.Localization;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>A building the user works in (one of its workable grids, <see cref="ScopeQueries.WorkableBy"/>), with where it sits.</summary>
public sealed record WorkableBuilding(int Id, int CompoundId, int GridId, int CommunityId);

/// <summary>
/// The choices the grid-work forms share (quick intake, recording a visit, visit → case): the buildings of the
/// grids the user works in, and the active case categories.
/// </summary>
public sealed class GridWorkQueries(AppDbContext db, UserScope scope)
{
    /// <summary>The building, if it lies in a grid the user works in; else null.</summary>
    public Task<WorkableBuilding?> WorkableBuildingAsync(int buildingId, CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(scope).Select(g => g.Id);
        return db.Buildings.AsNoTracking().Where(b => b.Id == buildingId && grids.Contains(b.GridId))
            .Select(b => new WorkableBuilding(b.Id, b.CompoundId, b.GridId, b.Grid!.CommunityId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The buildings of the grids the user works in, grouped by community and grid.</summary>
    public Task<List<GroupedOption>> WorkableBuildingsAsync(CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(scope).Select(g => g.Id);
        return db.Buildings.AsNoTracking().Where(b => grids.Contains(b.GridId))
            .OrderBy(b => b.Grid!.Community!.Name).ThenBy(b => b.Grid!.Name).ThenBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new GroupedOption(b.Id, b.Grid!.Community!.Name + " " + b.Grid.Name, b.Compound!.Name + " " + b.Name))
            .ToListAsync(cancellationToken);
    }

    public Task<List<Option>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var english = PortalCultures.IsEnglish;
        return db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new Option(c.Id, english ? c.NameEn : c.Name)).ToListAsync(cancellationToken);
    }
}

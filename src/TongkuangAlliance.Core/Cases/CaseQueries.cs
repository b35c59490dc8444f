using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Core.Cases;

public static class CaseQueries
{
    /// <summary>
    /// Loads what the case's rules look at — category, parties, sessions, terms and follow-ups (not the
    /// timeline: events are only appended) — in a fixed number of queries whatever the case holds.
    /// </summary>
    public static IQueryable<Case> IncludeForRules(this IQueryable<Case> cases) =>
        cases.Include(c => c.Category)
            .Include(c => c.Parties)
            .Include(c => c.Sessions)
            .Include(c => c.Terms)
            .Include(c => c.FollowUps)
            .AsSplitQuery();

    /// <summary>Adds the default categories (<see cref="CaseCategory.Defaults"/>) when there are none yet; returns how many were added.</summary>
    public static async Task<int> EnsureDefaultCategoriesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.CaseCategories.AnyAsync(cancellationToken)) return 0;
        var defaults = CaseCategory.Defaults();
        db.CaseCategories.AddRange(defaults);
        await db.SaveChangesAsync(cancellationToken);
        return defaults.Count;
    }
}

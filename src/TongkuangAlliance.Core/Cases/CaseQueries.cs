using System.Linq.Expressions;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;

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

    /// <summary>
    /// Projects cases with their deadline flags: <paramref name="selector"/> receives each case with whether it is
    /// overdue and stale at <paramref name="nowUtc"/>, by the very rules of <see cref="Case.Overdue"/> and <see cref="Case.Stale"/>
    /// (translated into the query, not repeated in it).
    /// </summary>
    public static IQueryable<TResult> SelectWithDeadlines<TResult>(this IQueryable<Case> cases, DateTime nowUtc, Expression<Func<Case, bool, bool, TResult>> selector)
    {
        var kase = selector.Parameters[0];
        var now = CaseExpressions.Moment(nowUtc);
        var body = CaseExpressions.Replace(selector.Body, selector.Parameters[1], CaseExpressions.Apply(Case.Overdue, kase, now));
        body = CaseExpressions.Replace(body, selector.Parameters[2], CaseExpressions.Apply(Case.Stale, kase, now));
        return cases.Select(Expression.Lambda<Func<Case, TResult>>(body, kase));
    }

    /// <summary>
    /// Who may be named a case's handler: the active staff of its community — that community's committee, the committee
    /// of its sub-district and, when the case is placed in a grid, that grid's workers.
    /// </summary>
    public static IQueryable<AppUser> EligibleHandlers(this IQueryable<AppUser> users, int subDistrictId, int communityId, int? gridId) =>
        users.Where(u => u.IsActive
            && ((u.Role == PortalRole.CommunityCommittee && u.CommunityId == communityId)
                || (u.Role == PortalRole.SubDistrictCommittee && u.SubDistrictId == subDistrictId)
                || (u.Role == PortalRole.GridWorker && gridId != null && u.GridLinks.Any(g => g.GridId == gridId))));

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

using TongkuangAlliance.Core.GridWork;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>
/// The grid in the community's view, per grid: open and all cases, cases settled without going up (resolved or
/// closed normally, never escalated), cases that went up, and visits per month. A later dashboards issue reuses it.
/// </summary>
public static class GridSummaryQuery
{
    public const int SummaryMonths = 6;

    public static async Task<GridSummaryViewModel> SummaryAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var grids = await db.Grids.AsNoTracking().VisibleTo(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.CommunityId, CommunityName = g.Community!.Name, g.Name }).ToListAsync(cancellationToken);
        var settled = new[] { CaseStatus.Resolved, CaseStatus.FollowedUp, CaseStatus.Closed };
        var cases = await db.Cases.AsNoTracking().VisibleTo(scope)
            .GroupBy(c => new { c.CommunityId, c.GridId })
            .Select(g => new
            {
                g.Key.CommunityId,
                g.Key.GridId,
                Open = g.Count(c => c.Status != CaseStatus.Closed),
                All = g.Count(),
                SettledBelow = g.Count(c => settled.Contains(c.Status) && c.CloseKind == null && c.EscalatedAtUtc == null),
                WentUp = g.Count(c => c.EscalatedAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = thisMonth.AddMonths(-(SummaryMonths - 1));
        var visits = await db.Visits.AsNoTracking().VisibleTo(scope).Where(v => v.VisitedOn >= first)
            .GroupBy(v => new { v.GridId, v.VisitedOn.Year, v.VisitedOn.Month })
            .Select(g => new { g.Key.GridId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, SummaryMonths).Select(i => first.AddMonths(i)).ToList();
        var rows = grids.Select(g =>
        {
            var c = cases.FirstOrDefault(x => x.GridId == g.Id);
            var byMonth = months.Select(m => visits.Where(v => v.GridId == g.Id && v.Year == m.Year && v.Month == m.Month).Sum(v => v.Count)).ToList();
            return new GridSummaryRow(g.Id, g.CommunityName, g.Name, c?.Open ?? 0, c?.All ?? 0, c?.SettledBelow ?? 0, c?.WentUp ?? 0, byMonth[^1], byMonth);
        }).ToList();
        var names = grids.GroupBy(g => g.CommunityId).ToDictionary(g => g.Key, g => g.First().CommunityName);
        var communityNames = await db.Communities.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var withoutGrid = cases.Where(c => c.GridId == null).OrderBy(c => communityNames.GetValueOrDefault(c.CommunityId))
            .Select(c => (c.CommunityId, communityNames.GetValueOrDefault(c.CommunityId) ?? names.GetValueOrDefault(c.CommunityId) ?? "", c.Open, c.All, c.SettledBelow, c.WentUp)).ToList();
        return new GridSummaryViewModel
        {
            Rows = rows,
            Months = months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList(),
            WithoutGrid = withoutGrid,
        };
    }
}

using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;

namespace TongkuangAlliance.Core.GridWork;

/// <summary>
/// Scope of the visit ledger: the sub-district sees the visits of its communities, a community committee those
/// of its grids, a grid worker those of its own grids; paired units none (visits name households).
/// </summary>
public static class VisitScopeQueries
{
    public static IQueryable<Visit> VisibleTo(this IQueryable<Visit> visits, UserScope scope)
    {
        var grids = scope.GridIds;
        return scope.Role switch
        {
            PortalRole.SubDistrictCommittee => visits.Where(v => v.Grid!.Community!.SubDistrictId == scope.SubDistrictId),
            PortalRole.CommunityCommittee => visits.Where(v => v.Grid!.CommunityId == scope.CommunityId),
            PortalRole.GridWorker => visits.Where(v => v.Grid!.CommunityId == scope.CommunityId && grids.Contains(v.GridId)),
            _ => visits.Where(_ => false),
        };
    }
}

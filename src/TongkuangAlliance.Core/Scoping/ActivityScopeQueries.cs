using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Activities (issue 4): the sub-district sees every community's; a community committee its own; a paired unit
/// those of the communities it is actively paired with; a grid worker its community's, read-only.
/// </summary>
public static class ActivityScopeQueries
{
    public static IQueryable<Activity> VisibleTo(this IQueryable<Activity> activities, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => activities.Where(a => a.Community!.SubDistrictId == scope.SubDistrictId),
        // Grid workers read their community's calendar (residents ask them); they schedule nothing.
        PortalRole.CommunityCommittee or PortalRole.GridWorker => activities.Where(a => a.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => activities.Where(a => a.Community!.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => activities.Where(_ => false),
    };
}

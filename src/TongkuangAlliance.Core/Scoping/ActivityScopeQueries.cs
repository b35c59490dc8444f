using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Activities (issue 4): the sub-district sees every community's; a community committee its own; a paired unit
/// those of the communities it is actively paired with.
/// </summary>
public static class ActivityScopeQueries
{
    public static IQueryable<Activity> VisibleTo(this IQueryable<Activity> activities, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => activities.Where(a => a.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => activities.Where(a => a.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => activities.Where(a => a.Community!.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => activities.Where(_ => false),
    };
}

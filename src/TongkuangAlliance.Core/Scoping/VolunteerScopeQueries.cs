using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Party members and their attendance (issue 5). The sub-district sees all of its communities'; a community committee
/// the members who reported to it and the check-ins at its activities; a paired unit its own employees (its members'
/// participation, wherever they volunteer); a volunteer only themself; grid workers nothing.
/// </summary>
public static class VolunteerScopeQueries
{
    public static IQueryable<PartyMember> VisibleTo(this IQueryable<PartyMember> members, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => members.Where(m => m.HomeCommunity!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => members.Where(m => m.HomeCommunityId == scope.CommunityId),
        PortalRole.PairedUnit => members.Where(m => m.MemberUnitId == scope.MemberUnitId),
        PortalRole.Volunteer => members.Where(m => m.Id == scope.PartyMemberId),
        _ => members.Where(_ => false),
    };

    public static IQueryable<CheckIn> VisibleTo(this IQueryable<CheckIn> checkIns, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => checkIns.Where(c => c.Activity!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => checkIns.Where(c => c.Activity!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => checkIns.Where(c => c.PartyMember!.MemberUnitId == scope.MemberUnitId),
        PortalRole.Volunteer => checkIns.Where(c => c.PartyMemberId == scope.PartyMemberId),
        _ => checkIns.Where(_ => false),
    };

    public static IQueryable<ActivitySignUp> VisibleTo(this IQueryable<ActivitySignUp> signUps, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => signUps.Where(s => s.Activity!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => signUps.Where(s => s.Activity!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => signUps.Where(s => s.PartyMember!.MemberUnitId == scope.MemberUnitId),
        PortalRole.Volunteer => signUps.Where(s => s.PartyMemberId == scope.PartyMemberId),
        _ => signUps.Where(_ => false),
    };
}

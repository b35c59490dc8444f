using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Scope of the pairing lists, joint meetings and supervised work (issue 7). A pairing's lists and projects are
/// read by both sides of the pairing and the sub-district. Action items are read by the sub-district and by their
/// owner only. A meeting is read by the sub-district, the community that convened it, and every unit or community
/// that attended it or owns one of its action items. Who may report progress, send back or record decisions is
/// decided by the resource handlers of the Web project (Authorization/JointProject…, ActionItem…, JointMeeting…).
/// </summary>
public static class JointScopeQueries
{
    public static IQueryable<PairingNeed> VisibleTo(this IQueryable<PairingNeed> needs, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => needs.Where(n => n.Pairing!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => needs.Where(n => n.Pairing!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => needs.Where(n => n.Pairing!.MemberUnitId == scope.MemberUnitId),
        _ => needs.Where(_ => false),
    };

    public static IQueryable<PairingResource> VisibleTo(this IQueryable<PairingResource> resources, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => resources.Where(r => r.Pairing!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => resources.Where(r => r.Pairing!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => resources.Where(r => r.Pairing!.MemberUnitId == scope.MemberUnitId),
        _ => resources.Where(_ => false),
    };

    public static IQueryable<JointProject> VisibleTo(this IQueryable<JointProject> projects, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => projects.Where(p => p.Pairing!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => projects.Where(p => p.Pairing!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => projects.Where(p => p.Pairing!.MemberUnitId == scope.MemberUnitId),
        _ => projects.Where(_ => false),
    };

    /// <summary>
    /// The sub-district reads every action item of its meetings; a unit those assigned to it; a community those
    /// assigned to it and those decided at a meeting it took part in (convened or attended), so that it can follow up
    /// what its own meetings assign. Reading is not updating: progress is its owner's (ActionItemAuthorization).
    /// </summary>
    public static IQueryable<ActionItem> VisibleTo(this IQueryable<ActionItem> items, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => items.Where(a => a.Meeting!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => items.Where(a => a.Meeting!.SubDistrictId == scope.SubDistrictId
            && (a.OwnerCommunityId == scope.CommunityId || a.Meeting.ConvenerCommunityId == scope.CommunityId || a.Meeting.Attendees.Any(x => x.CommunityId == scope.CommunityId))),
        PortalRole.PairedUnit => items.Where(a => a.OwnerUnitId == scope.MemberUnitId && a.Meeting!.SubDistrictId == scope.SubDistrictId),
        _ => items.Where(_ => false),
    };

    public static IQueryable<JointMeeting> VisibleTo(this IQueryable<JointMeeting> meetings, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => meetings.Where(m => m.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => meetings.Where(m => m.SubDistrictId == scope.SubDistrictId
            && (m.ConvenerCommunityId == scope.CommunityId || m.Attendees.Any(a => a.CommunityId == scope.CommunityId) || m.ActionItems.Any(a => a.OwnerCommunityId == scope.CommunityId))),
        PortalRole.PairedUnit => meetings.Where(m => m.SubDistrictId == scope.SubDistrictId
            && (m.Attendees.Any(a => a.MemberUnitId == scope.MemberUnitId) || m.ActionItems.Any(a => a.OwnerUnitId == scope.MemberUnitId))),
        _ => meetings.Where(_ => false),
    };
}

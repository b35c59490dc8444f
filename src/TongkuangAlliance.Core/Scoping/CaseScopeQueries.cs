using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Scope of the dispute-resolution centre (DESIGN.md §3, issue 3): the sub-district sees every case of its
/// communities; a community committee the cases of its community; a grid worker the cases of its grids; a paired unit no case at all — only the
/// agreement terms its own unit owes, in any community.
/// </summary>
public static class CaseScopeQueries
{
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, UserScope scope)
    {
        var grids = scope.GridIds;
        return scope.Role switch
        {
            PortalRole.SubDistrictCommittee => cases.Where(c => c.Community!.SubDistrictId == scope.SubDistrictId),
            PortalRole.CommunityCommittee => cases.Where(c => c.CommunityId == scope.CommunityId),
            // A grid worker: the cases placed in one of its grids (a case without a grid is the community's).
            PortalRole.GridWorker => cases.Where(c => c.CommunityId == scope.CommunityId && c.GridId != null && grids.Contains(c.GridId.Value)),
            _ => cases.Where(_ => false),
        };
    }

    public static IQueryable<AgreementTerm> VisibleTo(this IQueryable<AgreementTerm> terms, UserScope scope)
    {
        var grids = scope.GridIds;
        return scope.Role switch
    {
        PortalRole.SubDistrictCommittee => terms.Where(t => t.Case!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => terms.Where(t => t.Case!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => terms.Where(t => t.ObligatedParty!.MemberUnitId == scope.MemberUnitId
                                                  && t.ObligatedParty.Kind == CasePartyKind.MemberUnit
                                                  && t.Case!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.GridWorker => terms.Where(t => t.Case!.CommunityId == scope.CommunityId && t.Case.GridId != null && grids.Contains(t.Case.GridId.Value)),
        _ => terms.Where(_ => false),
    };
    }
}

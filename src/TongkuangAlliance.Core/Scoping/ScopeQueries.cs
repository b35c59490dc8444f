using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// The one place where scope becomes a query filter (DESIGN.md §3). Every list, detail, export and
/// dashboard starts from one of these, so a record outside the user's scope is simply not found.
/// </summary>
public static class ScopeQueries
{
    /// <summary>
    /// Sub-district: all its communities. Community committee and grid worker: its own (a grid worker reads the
    /// whole structure of its community — compounds, grids, buildings and their chiefs — but changes none of it). Paired unit: the communities
    /// it is actively paired with (an ended pairing no longer opens the community's pages).
    /// </summary>
    public static IQueryable<Community> VisibleTo(this IQueryable<Community> communities, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => communities.Where(c => c.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee or PortalRole.GridWorker => communities.Where(c => c.Id == scope.CommunityId),
        PortalRole.PairedUnit => communities.Where(c => c.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => communities.Where(_ => false),
    };

    public static IQueryable<Compound> VisibleTo(this IQueryable<Compound> compounds, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => compounds.Where(c => c.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee or PortalRole.GridWorker => compounds.Where(c => c.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => compounds.Where(c => c.Community!.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => compounds.Where(_ => false),
    };

    public static IQueryable<Grid> VisibleTo(this IQueryable<Grid> grids, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => grids.Where(g => g.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee or PortalRole.GridWorker => grids.Where(g => g.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => grids.Where(g => g.Community!.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => grids.Where(_ => false),
    };

    public static IQueryable<Building> VisibleTo(this IQueryable<Building> buildings, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => buildings.Where(b => b.Grid!.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee or PortalRole.GridWorker => buildings.Where(b => b.Grid!.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => buildings.Where(b => b.Grid!.Community!.Pairings.Any(p => p.MemberUnitId == scope.MemberUnitId && p.EndDate == null)),
        _ => buildings.Where(_ => false),
    };

    /// <summary>
    /// Sub-district: every unit of the alliance. Community committee: the units that are or were paired
    /// with it. Paired unit: itself.
    /// </summary>
    public static IQueryable<MemberUnit> VisibleTo(this IQueryable<MemberUnit> units, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => units.Where(u => u.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => units.Where(u => u.Pairings.Any(p => p.CommunityId == scope.CommunityId)),
        PortalRole.PairedUnit => units.Where(u => u.Id == scope.MemberUnitId),
        _ => units.Where(_ => false),
    };

    /// <summary>Pairings, active and ended, that involve the user's community or unit.</summary>
    public static IQueryable<Pairing> VisibleTo(this IQueryable<Pairing> pairings, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => pairings.Where(p => p.Community!.SubDistrictId == scope.SubDistrictId),
        PortalRole.CommunityCommittee => pairings.Where(p => p.CommunityId == scope.CommunityId),
        PortalRole.PairedUnit => pairings.Where(p => p.MemberUnitId == scope.MemberUnitId),
        _ => pairings.Where(_ => false),
    };

    /// <summary>
    /// The grids a user works in (logs cases and visits, prints QR sheets): every grid of the sub-district, of
    /// the community, or a grid worker's own grids. Paired units none.
    /// </summary>
    public static IQueryable<Grid> WorkableBy(this IQueryable<Grid> grids, UserScope scope)
    {
        if (scope.Role != PortalRole.GridWorker) return scope.Role == PortalRole.PairedUnit ? grids.Where(_ => false) : grids.VisibleTo(scope);
        var own = scope.GridIds;
        return grids.Where(g => g.CommunityId == scope.CommunityId && own.Contains(g.Id));
    }

    /// <summary>Accounts are managed by the sub-district committee only, within its sub-district.</summary>
    public static IQueryable<AppUser> VisibleTo(this IQueryable<AppUser> users, UserScope scope) =>
        scope.Role == PortalRole.SubDistrictCommittee
            ? users.Where(u => u.SubDistrictId == scope.SubDistrictId)
            : users.Where(_ => false);

    /// <summary>
    /// The audit trail is read by the sub-district committee only, and only the rows of its own sub-district
    /// (<see cref="AuditEntry.SubDistrictId"/>; rows without one are on no page).
    /// </summary>
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, UserScope scope) =>
        scope.Role == PortalRole.SubDistrictCommittee
            ? entries.Where(a => a.SubDistrictId == scope.SubDistrictId)
            : entries.Where(_ => false);
}

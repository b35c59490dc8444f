using Microsoft.AspNetCore.Identity;

namespace TongkuangAlliance.Core.Identity;

/// <summary>
/// A portal account. Its scope is data: the sub-district it belongs to and, by role, the one community
/// or member unit it acts for. Accounts are deactivated, never deleted.
/// </summary>
public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public PortalRole Role { get; private set; }
    public int SubDistrictId { get; private set; }
    public int? CommunityId { get; private set; }
    public int? MemberUnitId { get; private set; }
    /// <summary>A volunteer's own party-member record (role Volunteer only).</summary>
    public int? PartyMemberId { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The language messages sent to this account are written in (zh-CN when not set).</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>A grid worker's grids (all of its one community); empty for every other role.</summary>
    public List<AppUserGrid> GridLinks { get; } = [];

    /// <summary>
    /// Sets role and scope together so an account can never hold a role without its scope. A grid worker needs
    /// its community and at least one grid of that community (<paramref name="grids"/>; load <see cref="GridLinks"/>
    /// first when changing an existing account).
    /// </summary>
    public void AssignScope(PortalRole role, int subDistrictId, int? communityId, int? memberUnitId, IReadOnlyCollection<Grid>? grids = null, int? partyMemberId = null)
    {
        var gridIds = new List<int>();
        switch (role)
        {
            case PortalRole.SubDistrictCommittee:
                communityId = null;
                memberUnitId = null;
                break;
            case PortalRole.CommunityCommittee:
                if (communityId is null) throw new DomainException("Account.CommunityRequired", "CommunityId");
                memberUnitId = null;
                break;
            case PortalRole.PairedUnit:
                if (memberUnitId is null) throw new DomainException("Account.MemberUnitRequired", "MemberUnitId");
                communityId = null;
                break;
            case PortalRole.GridWorker:
                if (communityId is null) throw new DomainException("Account.CommunityRequired", "CommunityId");
                if (grids is null || grids.Count == 0) throw new DomainException("Account.GridsRequired", "GridIds");
                if (grids.Any(g => g.CommunityId != communityId)) throw new DomainException("Account.GridOutsideCommunity", "GridIds");
                memberUnitId = null;
                gridIds.AddRange(grids.Select(g => g.Id).Distinct());
                break;
            case PortalRole.Volunteer:
                // A volunteer acts for their own party-member record; the community is the one they reported to.
                if (partyMemberId is null) throw new DomainException("Account.PartyMemberRequired", "PartyMemberId");
                if (communityId is null) throw new DomainException("Account.CommunityRequired", "CommunityId");
                memberUnitId = null;
                break;
            default:
                throw new DomainException("Account.RoleRequired", "Role");
        }

        Role = role;
        SubDistrictId = subDistrictId;
        CommunityId = communityId;
        MemberUnitId = memberUnitId;
        PartyMemberId = role == PortalRole.Volunteer ? partyMemberId : null;
        GridLinks.RemoveAll(link => !gridIds.Contains(link.GridId));
        foreach (var grid in grids ?? [])
        {
            if (gridIds.Contains(grid.Id) && !GridLinks.Any(link => link.GridId == grid.Id))
                GridLinks.Add(new AppUserGrid { UserId = Id, GridId = grid.Id });
        }
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}

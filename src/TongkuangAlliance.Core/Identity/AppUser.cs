using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Core.Common;

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
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Sets role and scope together so an account can never hold a role without its scope.</summary>
    public void AssignScope(PortalRole role, int subDistrictId, int? communityId, int? memberUnitId)
    {
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
            default:
                throw new DomainException("Account.RoleRequired", "Role");
        }

        Role = role;
        SubDistrictId = subDistrictId;
        CommunityId = communityId;
        MemberUnitId = memberUnitId;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}

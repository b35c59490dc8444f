using System.Globalization;
using System.Security.Claims;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// What a signed-in user may see, read from its claims. Every list, detail, export and dashboard query
/// filters through <see cref="ScopeQueries"/> with one of these.
/// </summary>
public sealed record UserScope(PortalRole Role, int SubDistrictId, int? CommunityId, int? MemberUnitId)
{
    public const string SubDistrictClaim = "tk:subdistrict";
    public const string CommunityClaim = "tk:community";
    public const string MemberUnitClaim = "tk:memberunit";
    public const string GridClaim = "tk:grid";
    public const string PartyMemberClaim = "tk:partymember";

    /// <summary>A grid worker's grids (one claim each); empty for every other role.</summary>
    public IReadOnlyList<int> GridIds { get; init; } = [];

    /// <summary>A volunteer's own party-member id; null for every other role.</summary>
    public int? PartyMemberId { get; init; }

    /// <summary>Two scopes are equal when they hold the same ids, grids included (compared as sets).</summary>
    public bool Equals(UserScope? other) =>
        other is not null && Role == other.Role && SubDistrictId == other.SubDistrictId && CommunityId == other.CommunityId
        && MemberUnitId == other.MemberUnitId && PartyMemberId == other.PartyMemberId && GridIds.Order().SequenceEqual(other.GridIds.Order());

    public override int GetHashCode() => HashCode.Combine(Role, SubDistrictId, CommunityId, MemberUnitId, GridIds.Count);

    public static UserScope? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var roleName = principal.FindFirstValue(ClaimTypes.Role);
        if (!Enum.TryParse<PortalRole>(roleName, out var role)) return null;
        var subDistrict = ReadInt(principal, SubDistrictClaim);
        if (subDistrict is null) return null;
        var grids = principal.FindAll(GridClaim)
            .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        return new UserScope(role, subDistrict.Value, ReadInt(principal, CommunityClaim), ReadInt(principal, MemberUnitClaim)) { GridIds = grids, PartyMemberId = ReadInt(principal, PartyMemberClaim) };
    }

    /// <summary>The claims of an account; a grid worker's <paramref name="gridIds"/> are read from its grid links by the caller.</summary>
    public static IEnumerable<Claim> ClaimsFor(AppUser user, IEnumerable<int>? gridIds = null)
    {
        yield return new Claim(ClaimTypes.Role, user.Role.ToString());
        yield return new Claim(SubDistrictClaim, user.SubDistrictId.ToString(CultureInfo.InvariantCulture));
        if (user.CommunityId is { } community)
            yield return new Claim(CommunityClaim, community.ToString(CultureInfo.InvariantCulture));
        if (user.MemberUnitId is { } unit)
            yield return new Claim(MemberUnitClaim, unit.ToString(CultureInfo.InvariantCulture));
        if (user.PartyMemberId is { } member)
            yield return new Claim(PartyMemberClaim, member.ToString(CultureInfo.InvariantCulture));
        if (user.Role != PortalRole.GridWorker) yield break;
        foreach (var grid in gridIds ?? user.GridLinks.Select(l => l.GridId))
            yield return new Claim(GridClaim, grid.ToString(CultureInfo.InvariantCulture));
    }

    private static int? ReadInt(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

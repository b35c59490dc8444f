using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>Puts the account's role and scope ids into its cookie as claims (read back by <see cref="UserScope"/>).</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<AppUser> userManager, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("tk:name", user.DisplayName));
        var gridIds = user.Role == PortalRole.GridWorker
            ? await db.AppUserGrids.Where(g => g.UserId == user.Id).OrderBy(g => g.GridId).Select(g => g.GridId).ToListAsync()
            : [];
        identity.AddClaims(UserScope.ClaimsFor(user, gridIds));
        identity.AddClaim(new Claim("tk:scope", await ScopeNameAsync(user)));
        return identity;
    }

    /// <summary>The name shown in the top bar: the community, the unit, or the sub-district.</summary>
    private async Task<string> ScopeNameAsync(AppUser user) => user.Role switch
    {
        PortalRole.CommunityCommittee => await db.Communities.Where(c => c.Id == user.CommunityId).Select(c => c.Name).SingleAsync(),
        PortalRole.PairedUnit => await db.MemberUnits.Where(u => u.Id == user.MemberUnitId).Select(u => u.Name).SingleAsync(),
        PortalRole.GridWorker => await GridScopeNameAsync(user),
        PortalRole.Volunteer => await db.Communities.Where(c => c.Id == user.CommunityId).Select(c => c.Name).SingleAsync(),
        _ => await db.SubDistricts.Where(s => s.Id == user.SubDistrictId).Select(s => s.Name).SingleAsync(),
    };

    /// <summary>A grid worker's community and grids, e.g. "南区社区 第1网格".</summary>
    private async Task<string> GridScopeNameAsync(AppUser user)
    {
        var community = await db.Communities.Where(c => c.Id == user.CommunityId).Select(c => c.Name).SingleAsync();
        var grids = await db.AppUserGrids.Where(g => g.UserId == user.Id).Select(g => g.Grid!.Name).OrderBy(n => n).ToListAsync();
        return $"{community} {string.Join("、", grids)}";
    }
}

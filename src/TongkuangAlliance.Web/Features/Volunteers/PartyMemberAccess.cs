using System.Security.Claims;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>How the registry's controllers ask <see cref="PartyMemberAuthorizationHandler"/> about one member's entry.</summary>
public static class PartyMemberAccess
{
    /// <summary>Whether the user may do <paramref name="operation"/> to the member's entry (false when there is no such member).</summary>
    public static async Task<bool> MayActOnMemberAsync(this IAuthorizationService authorization, ClaimsPrincipal user, AppDbContext db,
        int memberId, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var resource = await db.PartyMembers.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new PartyMemberResource(m.HomeCommunity!.SubDistrictId, m.HomeCommunityId, m.MemberUnitId))
            .SingleOrDefaultAsync(ct);
        return resource is not null && (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;
    }
}

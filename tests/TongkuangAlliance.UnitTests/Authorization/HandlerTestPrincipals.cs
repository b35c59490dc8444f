namespace TongkuangAlliance.UnitTests.Authorization;

/// <summary>
/// The users the handler tests ask for, written as the claims sign-in gives them. Sub-district 1 holds community
/// 10 and unit 5 (the "in" records); community 11, unit 6 and sub-district 2 are "out".
/// </summary>
internal static class HandlerTestPrincipals
{
    public static ClaimsPrincipal For(PortalRole role, int subDistrict = 1, int? community = null, int? unit = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, role.ToString()),
            new(UserScope.SubDistrictClaim, subDistrict.ToString(CultureInfo.InvariantCulture)),
        };
        if (community is { } c) claims.Add(new(UserScope.CommunityClaim, c.ToString(CultureInfo.InvariantCulture)));
        if (unit is { } u) claims.Add(new(UserScope.MemberUnitClaim, u.ToString(CultureInfo.InvariantCulture)));
        if (role == PortalRole.GridWorker) claims.Add(new(UserScope.GridClaim, "100"));
        if (role == PortalRole.Volunteer) claims.Add(new(UserScope.PartyMemberClaim, "200"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>A persona by name, as the theories spell it.</summary>
    public static ClaimsPrincipal Named(string who) => who switch
    {
        "SubDistrict" => For(PortalRole.SubDistrictCommittee),
        "OtherSubDistrict" => For(PortalRole.SubDistrictCommittee, subDistrict: 2),
        "CommunityIn" => For(PortalRole.CommunityCommittee, community: 10),
        "CommunityOut" => For(PortalRole.CommunityCommittee, community: 11),
        "UnitIn" => For(PortalRole.PairedUnit, unit: 5),
        "UnitOut" => For(PortalRole.PairedUnit, unit: 6),
        "GridWorker" => For(PortalRole.GridWorker, community: 10),
        "Volunteer" => For(PortalRole.Volunteer, community: 10),
        "Anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    public static async Task<bool> AllowsAsync(IAuthorizationHandler handler, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }
}

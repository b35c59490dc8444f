namespace TongkuangAlliance.Core.Identity;

/// <summary>Facts about an account's role as the account administration reads them (not who the signed-in user is).</summary>
public static class AccountRoles
{
    /// <summary>The accounts holding <paramref name="role"/> (the accounts list's role filter).</summary>
    public static IQueryable<AppUser> InRole(this IQueryable<AppUser> accounts, PortalRole role) => accounts.Where(u => u.Role == role);

    /// <summary>Whether the form's <paramref name="requested"/> role (none chosen: no change) differs from the account's.</summary>
    public static bool IsRoleChangeFor(this PortalRole? requested, AppUser account) => requested is { } role && role != account.Role;
}

using System.Security.Claims;

namespace TongkuangAlliance.Web.Authorization;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's scope. Pages behind the fallback policy always have one.</summary>
    public static UserScope Scope(this ClaimsPrincipal user) =>
        UserScope.FromPrincipal(user) ?? throw new InvalidOperationException("The user has no portal scope.");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("tk:name") ?? user.Identity?.Name ?? "";
}

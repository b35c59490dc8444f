using System.Security.Claims;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Infrastructure;

/// <summary>The audit trail's "who": the signed-in user of the current request, and its sub-district.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public int? SubDistrictId =>
        int.TryParse(accessor.HttpContext?.User.FindFirstValue(UserScope.SubDistrictClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

using System.Security.Claims;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Infrastructure;

/// <summary>The audit trail's "who": the signed-in user of the current request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}

using Serilog.Context;

namespace TongkuangAlliance.Web.Infrastructure.Logging;

/// <summary>
/// Adds the user id and scope (role, community or unit id) to every log event of a request. Ids only:
/// names, phones and ID numbers never go into logs.
/// </summary>
public sealed class LogContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null)
        {
            await next(context);
            return;
        }

        var userId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        using (LogContext.PushProperty("UserId", userId))
        using (LogContext.PushProperty("Role", scope.Role.ToString()))
        using (LogContext.PushProperty("CommunityId", scope.CommunityId))
        using (LogContext.PushProperty("MemberUnitId", scope.MemberUnitId))
        {
            await next(context);
        }
    }
}

namespace TongkuangAlliance.Web.Infrastructure.Security;

/// <summary>
/// Adds the browser-side protections to every response — pages, static files, error pages, redirects: a
/// Content-Security-Policy that allows only the portal's own scripts and styles (no inline script or style),
/// no framing, no MIME sniffing, no full referrer to other sites, and no powerful browser features.
/// See docs/decisions/0006-security-headers.md.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// img-src allows data: because the stairwell QR sheets embed their codes as data: PNGs; everything else is
    /// same-origin only. form-action 'self' keeps an injected form from posting elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>The camera stays allowed to the portal's own pages (a volunteer may scan a check-in code in the browser).</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        // OnStarting: the headers are added whatever answers the request (MVC, static files, the exception handler).
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

using Microsoft.AspNetCore.Localization;

namespace TongkuangAlliance.Web.Infrastructure.Localization;

/// <summary>
/// <c>?culture=en</c> on any address chooses the language as the switch in the navigation bar does: it answers in
/// that language and keeps the choice in the culture cookie, so the form posted from that page, and every page
/// after it, speaks the same language until it is changed. A value that is not a supported culture is ignored.
/// </summary>
public sealed class RememberedQueryStringCultureProvider : QueryStringRequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var result = await base.DetermineProviderCultureResult(httpContext);
        var culture = result?.UICultures.FirstOrDefault().Value ?? result?.Cultures.FirstOrDefault().Value;
        var supported = PortalCultures.Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (supported is null) return null;
        Remember(httpContext, supported.Name);
        return new ProviderCultureResult(supported.Name);
    }

    /// <summary>Writes the culture cookie, as <c>CultureController.Set</c> does.</summary>
    public static void Remember(HttpContext httpContext, string culture) =>
        httpContext.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = httpContext.Request.IsHttps,
            });
}

using Microsoft.AspNetCore.Localization;
using TongkuangAlliance.Web.Infrastructure.Localization;

namespace TongkuangAlliance.Web.Features.Culture;

/// <summary>The language switch in the navigation bar; the choice is kept in a cookie for a year.</summary>
[AllowAnonymous]
[TongkuangAlliance.Web.Authorization.OpenToVolunteers]
public sealed class CultureController : Controller
{
    [HttpPost]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        if (culture is PortalCultures.Chinese or PortalCultures.English)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

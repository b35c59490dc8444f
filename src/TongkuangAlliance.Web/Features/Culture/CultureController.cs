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
            RememberedQueryStringCultureProvider.Remember(HttpContext, culture);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

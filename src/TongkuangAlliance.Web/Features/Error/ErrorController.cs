using Microsoft.AspNetCore.Diagnostics;

namespace TongkuangAlliance.Web.Features.Error;

/// <summary>
/// Friendly pages for 404, 429 (the residents' form or status lookup said "too often") and 500, in the user's
/// language. The status code is kept. A 429 from the residents' channel speaks of what was refused (submissions or
/// look-ups) and leads back to the form and the status lookup, not to the staff sign-in.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[TongkuangAlliance.Web.Authorization.OpenToVolunteers]
public sealed class ErrorController(IStringLocalizer<SharedResource> l) : Controller
{
    [Route("Error/{code:int}")]
    [HttpGet, HttpPost]
    public IActionResult Index(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? string.Empty;
        var fromResidents = originalPath.StartsWith("/Residents", StringComparison.OrdinalIgnoreCase);
        var key = code switch
        {
            404 => "Error.NotFound",
            403 => "AccessDenied.Title",
            429 when originalPath.StartsWith("/Residents/Status", StringComparison.OrdinalIgnoreCase) => "Error.TooManyLookups",
            429 => "Error.TooManyRequests",
            _ => "Error.Server",
        };
        ViewData["Title"] = l[key];
        ViewData["Message"] = l[key + ".Body"];
        if (code == 403) ViewData["Message"] = l["AccessDenied.Body"];
        ViewData["ResidentLinks"] = fromResidents;
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Error");
    }
}

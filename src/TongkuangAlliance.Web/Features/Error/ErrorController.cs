namespace TongkuangAlliance.Web.Features.Error;

/// <summary>Friendly pages for 404, 429 (the residents' form said "too often") and 500, in the user's language. The status code is kept.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[TongkuangAlliance.Web.Authorization.OpenToVolunteers]
public sealed class ErrorController(IStringLocalizer<SharedResource> l) : Controller
{
    [Route("Error/{code:int}")]
    [HttpGet, HttpPost]
    public IActionResult Index(int code)
    {
        var key = code switch
        {
            404 => "Error.NotFound",
            403 => "AccessDenied.Title",
            429 => "Error.TooManyRequests",
            _ => "Error.Server",
        };
        ViewData["Title"] = l[key];
        ViewData["Message"] = l[key + ".Body"];
        if (code == 403) ViewData["Message"] = l["AccessDenied.Body"];
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return View("Error");
    }
}

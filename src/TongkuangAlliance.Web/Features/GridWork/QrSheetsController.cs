using Microsoft.Extensions.Options;
using QRCoder;
using TongkuangAlliance.Core.Structure;
using TongkuangAlliance.Web.Features.Residents;

namespace TongkuangAlliance.Web.Features.GridWork;

/// <summary>
/// The printable QR sheets for the stairwell, at /GridWork/BuildingSheet and /GridWork/GridSheet: each code opens
/// the residents' form with the building filled in. Only for the grids the user works in (<see cref="ScopeQueries.WorkableBy"/>); anything else is 404.
/// </summary>
[Route("GridWork/[action]/{id?}")]
[Authorize(Policy = Policies.CaseWorkers)]
public sealed class QrSheetsController(AppDbContext db, IStringLocalizer<SharedResource> l, IOptions<ResidentChannelOptions> residentOptions) : Controller
{
    /// <summary>An A4 sheet for one building's stairwell: its QR code opens the residents' form with the place filled in.</summary>
    [HttpGet]
    public async Task<IActionResult> BuildingSheet(int id, CancellationToken cancellationToken)
    {
        var grids = db.Grids.WorkableBy(User.Scope()).Select(g => g.Id);
        var sheet = await SheetsAsync(db.Buildings.Where(b => b.Id == id && grids.Contains(b.GridId)), cancellationToken);
        if (sheet.Count == 0) return NotFound();
        ViewData["Title"] = l["GridWork.QrSheet"];
        return View("Sheet", new SheetViewModel { Buildings = sheet });
    }

    /// <summary>One sheet per building of a grid, printed together.</summary>
    [HttpGet]
    public async Task<IActionResult> GridSheet(int id, CancellationToken cancellationToken)
    {
        var grid = await db.Grids.AsNoTracking().WorkableBy(User.Scope()).Where(g => g.Id == id).Select(g => new { g.Id, g.Name }).SingleOrDefaultAsync(cancellationToken);
        if (grid is null) return NotFound();
        var sheets = await SheetsAsync(db.Buildings.Where(b => b.GridId == id), cancellationToken);
        ViewData["Title"] = l["GridWork.QrSheet"];
        return View("Sheet", new SheetViewModel { Buildings = sheets, GridName = grid.Name });
    }

    private async Task<List<SheetBuilding>> SheetsAsync(IQueryable<Building> buildings, CancellationToken cancellationToken)
    {
        var rows = await buildings.AsNoTracking().OrderBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new { b.Id, CommunityName = b.Grid!.Community!.Name, CompoundName = b.Compound!.Name, b.Name, GridName = b.Grid.Name, ChiefName = b.Chief != null ? b.Chief.Name : null, ChiefPhone = b.Chief != null ? b.Chief.Phone : null })
            .ToListAsync(cancellationToken);
        return rows.Select(b =>
        {
            var url = ReportUrl(b.Id);
            return new SheetBuilding(b.Id, b.CommunityName, b.CompoundName, b.Name, b.GridName, b.ChiefName, b.ChiefPhone, url, QrPng(url));
        }).ToList();
    }

    /// <summary>The residents' form for a building: the configured public address when there is one (behind a proxy), else this request's.</summary>
    private string ReportUrl(int buildingId)
    {
        var path = Url.Action("Report", "Residents", new { building = buildingId })!;
        var configured = residentOptions.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured) ? $"{Request.Scheme}://{Request.Host}{path}" : configured.TrimEnd('/') + path;
    }

    private static string QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(10));
    }
}

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>
/// A member unit puts its employees on the registry in bulk (issue 5): upload a spreadsheet, see every row with what
/// is wrong with it, then import. Units only, onto their own books. URLs stay under /Volunteers/.
/// </summary>
[Route("Volunteers/[action]/{id?}")]
[Authorize(Policy = Policies.VolunteerLedger)]
[Authorize(Policy = Policies.PairedUnitOnly)]
public sealed class VolunteerImportController(MemberImport import, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public IActionResult Import()
    {
        ViewData["Title"] = l["Import.Title"];
        return View(new ImportViewModel());
    }

    /// <summary>Reads the uploaded file and shows every row with what is wrong with it; stores nothing.</summary>
    [HttpPost]
    [RequestSizeLimit(MemberImport.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Import.Title"];
        if (file is null || file.Length == 0 || file.Length > MemberImport.MaxBytes)
            return View(new ImportViewModel { Error = l["Import.NoFile"] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var rows = MemberImport.Read(buffer.ToArray());
        if (rows is null) return View(new ImportViewModel { Error = l["Import.Unreadable"] });
        if (rows.Count == 0 || rows.Count > MemberImport.MaxRows) return View(new ImportViewModel { Error = l["Import.RowCount", MemberImport.MaxRows] });
        await import.ValidateAsync(rows, User.Scope().SubDistrictId, cancellationToken);
        return View(new ImportViewModel { Rows = rows, Payload = import.Seal(rows) });
    }

    /// <summary>Imports the previewed rows: all of them when none has an error, or only the good ones when the user chose so.</summary>
    [HttpPost]
    public async Task<IActionResult> ImportConfirm(string? payload, bool goodRowsOnly, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Import.Title"];
        var scope = User.Scope();
        var rows = import.Unseal(payload);
        if (rows is null) return View(nameof(Import), new ImportViewModel { Error = l["Import.Expired"] });
        await import.ValidateAsync(rows, scope.SubDistrictId, cancellationToken);
        if (rows.Any(r => r.Errors.Count > 0) && !goodRowsOnly)
            return View(nameof(Import), new ImportViewModel { Rows = rows, Payload = import.Seal(rows), Error = l["Import.HasErrors"] });
        var added = await import.AddAsync(rows, scope.SubDistrictId, scope.MemberUnitId!.Value, ChinaTime.Today(clock), cancellationToken);
        TempData["Success"] = l["Import.Done", added].Value;
        return RedirectToAction("Index", "Volunteers");
    }

    /// <summary>The import template (.xlsx with the header row and one example).</summary>
    [HttpGet]
    public async Task<IActionResult> ImportTemplate(CancellationToken cancellationToken)
    {
        var example = new Dictionary<string, object>
        {
            ["姓名"] = "张三", ["手机号"] = "13800000000", ["报到社区"] = "南区社区", ["小区"] = "建安小区",
            ["党支部"] = "第一党支部", ["特长"] = "家电维修", ["报到日期"] = "2026-01-01",
        };
        var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, new[] { example }, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "party-members-template.xlsx");
    }
}

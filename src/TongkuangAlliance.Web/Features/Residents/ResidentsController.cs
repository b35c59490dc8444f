using Microsoft.AspNetCore.RateLimiting;

namespace TongkuangAlliance.Web.Features.Residents;

/// <summary>
/// 居民诉求: the residents' channel, with no account. A public form (often opened from the QR code in a
/// stairwell, which names the building) becomes a case in the grid's queue with source ResidentOnline; the
/// resident gets its number and can look up its status — number, status and dates only — with number + phone.
/// Posts are rate limited per client address (<see cref="ResidentChannel"/>). Nothing a resident sent is ever
/// shown on these pages: only the staff in the case's scope see it, on the case page.
/// </summary>
[AllowAnonymous]
public sealed class ResidentsController(AppDbContext db, TimeProvider clock, ResidentAllowance allowance, IStringLocalizer<SharedResource> l, ILogger<ResidentsController> logger) : Controller
{
    private const string SubmittedKey = "ResidentCaseNumber";

    [HttpGet]
    public async Task<IActionResult> Report(int? building, CancellationToken cancellationToken)
    {
        var input = new ResidentReportInput { BuildingId = building };
        var place = building is { } id ? await PlaceAsync(id, cancellationToken) : null;
        if (place is null) input.BuildingId = null;
        else input.CommunityId = place.CommunityId;
        return View(await FormAsync(input, place, cancellationToken));
    }

    /// <summary>Only an accepted submission keeps its place in the address's allowance; a refused form gives it back.</summary>
    [HttpPost, EnableRateLimiting(ResidentChannel.SubmitPolicy)]
    public async Task<IActionResult> Report(ResidentReportInput input, CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (!allowance.TryReserve(address)) return StatusCode(StatusCodes.Status429TooManyRequests);
        var accepted = false;
        try
        {
            var result = await SubmitAsync(input, cancellationToken);
            accepted = result is RedirectToActionResult;
            return result;
        }
        finally
        {
            if (!accepted) allowance.Release(address);
        }
    }

    private async Task<IActionResult> SubmitAsync(ResidentReportInput input, CancellationToken cancellationToken)
    {
        var place = input.BuildingId is { } buildingId ? await PlaceAsync(buildingId, cancellationToken) : null;
        if (!string.IsNullOrEmpty(input.Website))
        {
            // A bot filled in the hidden field: refuse politely, store nothing, say nothing more.
            logger.LogInformation("Resident form refused: honeypot filled");
            ModelState.AddModelError(string.Empty, l["Residents.Refused"]);
            return View(await FormAsync(input, place, cancellationToken));
        }
        var category = await CheckReportAsync(input, place, cancellationToken);
        if (!ModelState.IsValid || category is null) return View(await FormAsync(input, place, cancellationToken));

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var kase = await db.RegisterCaseAsync(await CaseDetailsAsync(input, place, now, cancellationToken), category, now, null, cancellationToken);
            logger.LogInformation("Resident case {CaseNumber} registered online", kase.Number);
            TempData[SubmittedKey] = kase.Number;
            return RedirectToAction(nameof(Submitted));
        }
        catch (DomainException error)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l[error.MessageKey]);
            return View(await FormAsync(input, place, cancellationToken));
        }
    }

    /// <summary>
    /// Checks the report (the building, else a community; the kind; free text that reads like a message) and
    /// returns the category it is filed under: the catch-all, last by convention (CaseCategory.Defaults), which
    /// staff re-file on the case page. Null (with a form error) when intake has no active category.
    /// </summary>
    private async Task<CaseCategory?> CheckReportAsync(ResidentReportInput input, ResidentPlace? place, CancellationToken cancellationToken)
    {
        const string prefix = nameof(ResidentReportViewModel.Input) + ".";
        if (input.BuildingId is not null && place is null)
            ModelState.AddModelError(prefix + nameof(input.BuildingId), l["Case.InvalidChoice"]);
        if (place is not null) input.CommunityId = place.CommunityId;
        if (input.CommunityId is not { } communityId || !await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
            ModelState.AddModelError(prefix + nameof(input.CommunityId), l["Residents.CommunityRequired"]);
        if (!Request.Form.ContainsKey(prefix + nameof(input.Kind)) && ModelState.TryGetValue(prefix + nameof(input.Kind), out var missingKind))
        {
            missingKind.Errors.Clear(); // [BindRequired]'s "请选择您要" reads badly: say what to choose
            ModelState.AddModelError(prefix + nameof(input.Kind), l["Residents.KindRequired"]);
        }
        else if (!Enum.IsDefined(input.Kind))
            ModelState.AddModelError(prefix + nameof(input.Kind), l["Case.InvalidChoice"]);
        foreach (var (field, text) in new[] { (nameof(input.Description), input.Description), (nameof(input.Name), input.Name), (nameof(input.PlaceDetail), input.PlaceDetail) })
        {
            if (ResidentChannel.Problem(text) is { } problem && ModelState.GetFieldValidationState(prefix + field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError(prefix + field, l[problem]);
        }
        var category = await db.CaseCategories.Where(c => c.IsActive).OrderByDescending(c => c.SortOrder).FirstOrDefaultAsync(cancellationToken);
        if (category is null) ModelState.AddModelError(string.Empty, l["Residents.Unavailable"]);
        return category;
    }

    /// <summary>The case a checked report becomes: source ResidentOnline, in the building's compound and grid when it names one.</summary>
    private async Task<CaseDetails> CaseDetailsAsync(ResidentReportInput input, ResidentPlace? place, DateTime now, CancellationToken cancellationToken)
    {
        var building = place is null ? null
            : await db.Buildings.AsNoTracking().Where(b => b.Id == place.BuildingId).Select(b => new { b.Id, b.CompoundId, b.GridId }).SingleAsync(cancellationToken);
        var description = input.Description!.Trim();
        if (!string.IsNullOrWhiteSpace(input.PlaceDetail)) description = $"{l["Field.ResidentPlace"]}: {input.PlaceDetail.Trim()}\n{description}";
        return new CaseDetails(input.Kind, CaseSource.ResidentOnline, input.Name, input.Phone!.Trim(), input.CommunityId!.Value,
            building?.CompoundId, building?.Id, building?.GridId, ResidentChannel.TitleFrom(input.Description), description, now, CaseUrgency.Normal);
    }

    /// <summary>After a submission: the case number (kept in TempData, so it is shown once and not in the URL).</summary>
    [HttpGet]
    public IActionResult Submitted()
    {
        if (TempData[SubmittedKey] is not string number) return RedirectToAction(nameof(Report));
        ViewData["Title"] = l["Residents.SubmittedTitle"];
        return View(model: number);
    }

    [HttpGet]
    public IActionResult Status(string? number)
    {
        ViewData["Title"] = l["Residents.StatusTitle"];
        return View(new ResidentStatusViewModel { Input = new ResidentStatusInput { Number = number } });
    }

    /// <summary>
    /// Number + phone → number, status and dates. An unknown number and a wrong phone get the very same answer,
    /// so the page confirms nothing to someone who does not know both.
    /// </summary>
    [HttpPost, EnableRateLimiting(ResidentChannel.LookupPolicy)]
    public async Task<IActionResult> Status(ResidentStatusInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Residents.StatusTitle"];
        if (!ModelState.IsValid) return View(new ResidentStatusViewModel { Input = input });

        var number = input.Number!.Trim().ToUpperInvariant();
        var phone = input.Phone!.Trim();
        var result = await db.Cases.AsNoTracking()
            .Where(c => c.Number == number && c.ReporterPhone == phone)
            .Select(c => new ResidentStatusResult(c.Number, CaseStates.Of(c.Status, c.Resolution, c.CloseKind, c.Terms.Any(t => t.Status == AgreementTermStatus.Pending)), c.RegisteredAtUtc, c.LastProgressAtUtc, c.ClosedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        return View(new ResidentStatusViewModel { Input = input, Result = result, NotFound = result is null });
    }

    private Task<ResidentPlace?> PlaceAsync(int buildingId, CancellationToken cancellationToken) =>
        db.Buildings.AsNoTracking().Where(b => b.Id == buildingId)
            .Select(b => new ResidentPlace(b.Id, b.Grid!.CommunityId, b.Grid.Community!.Name, b.Compound!.Name, b.Name))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<ResidentReportViewModel> FormAsync(ResidentReportInput input, ResidentPlace? place, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Residents.Title"];
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
        var buildings = place is not null ? [] : await db.Buildings.AsNoTracking()
            .OrderBy(b => b.Grid!.Community!.Name).ThenBy(b => b.Compound!.Name).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new GroupedOption(b.Id, b.Grid!.Community!.Name + " · " + b.Compound!.Name, b.Name))
            .ToListAsync(cancellationToken);
        return new ResidentReportViewModel { Input = input, Place = place, Communities = communities, Buildings = buildings };
    }
}

using System.Security.Claims;
using MiniExcelLibs;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>
/// 多元解纷中心: the case list (with export) and the case page. Intake is <see cref="CaseIntakeController"/>, the
/// lifecycle steps <see cref="CaseStepsController"/> (same /Cases/… addresses). Staff only (sub-district and community
/// committees, and grid workers for the cases of their grids); a case outside the user's scope answers 404.
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
public sealed class CasesController(
    AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization,
    Microsoft.Extensions.Configuration.IConfiguration configuration, IPersonalNumberProtector protector) : Controller
{
    /// <summary>Rows one export may hold (setting Cases:ExportLimit): a bigger selection is refused, never cut short.</summary>
    private int ExportLimit => configuration.GetValue("Cases:ExportLimit", 10_000);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private CaseListQuery List => new(db, User.Scope(), User.FindFirstValue(ClaimTypes.NameIdentifier));

    // ---- list and export -------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(CaseFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var list = await List.Rows(filter, Now).ToPagedListAsync(page, cancellationToken: cancellationToken);
        // The sub-district chooses among its communities; everyone else works one community.
        var subDistrict = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded;
        ViewData["Title"] = l[filter.Mine ? "Cases.Mine" : "Cases.Title"];
        return View(new CaseIndexViewModel
        {
            Cases = list,
            Filter = filter,
            ShowCommunityFilter = subDistrict,
            CanManageCategories = subDistrict,
            Communities = subDistrict
                ? await db.Communities.AsNoTracking().VisibleTo(User.Scope()).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken)
                : [],
            Categories = await CaseListQuery.CategoriesAsync(db, activeOnly: false, cancellationToken),
        });
    }

    /// <summary>The menu's "my cases" entry.</summary>
    [HttpGet]
    public IActionResult Mine() => RedirectToAction(nameof(Index), new { mine = true });

    [HttpGet]
    public async Task<IActionResult> Export(CaseFilter filter, CancellationToken cancellationToken)
    {
        var now = Now;
        var limit = ExportLimit;
        var rows = await List.Rows(filter, now).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count > limit)
        {
            // A spreadsheet quietly missing rows would be read as complete: ask for a narrower selection instead.
            TempData["Error"] = l["Cases.ExportTooMany", limit].Value;
            return Redirect(Url.Action(nameof(Index)) + Request.QueryString);
        }
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Select(Sheet).ToList(), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        stream.Position = 0;
        var name = $"cases-{ChinaTime.FromUtc(now):yyyyMMdd-HHmm}.xlsx";
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>One row of the export, headed in the user's language; the phone masked.</summary>
    private Dictionary<string, object?> Sheet(CaseListItem r) => new()
    {
        [l["Field.CaseNumber"]] = r.Number,
        [l["Field.CaseKind"]] = l[$"CaseKind.{r.Kind}"].Value,
        [l["Field.CaseTitle"]] = r.Title,
        [l["Field.Community"]] = r.CommunityName,
        [l["Field.Category"]] = r.CategoryName,
        [l["Field.Status"]] = l[CaseStateVocabulary.Key(r.State)].Value,
        [l["Cases.Overdue"]] = r.IsOverdue ? l["Common.Yes"].Value : "",
        [l["Cases.Stale"]] = r.IsStale ? l["Common.Yes"].Value : "",
        [l["Field.Handler"]] = r.HandlerName ?? "",
        [l["Field.RegisteredAt"]] = Display.ChinaDateTime(r.RegisteredAtUtc),
        [l["Field.ReporterName"]] = r.ReporterName,
        [l["Field.ReporterPhone"]] = r.MaskedPhone,
    };

    // ---- the case page ---------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await CaseDetailsQuery.For(this, db, clock, l, authorization).LoadAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>
    /// Shows the reporter's whole number once — or, with <paramref name="partyId"/>, a resident party's — and logs who
    /// looked (never the number itself).
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> RevealPhone(int id, int? partyId, CancellationToken cancellationToken)
    {
        var resource = await db.Cases.VisibleTo(User.Scope()).Where(c => c.Id == id)
            .Select(c => new CaseResource(c.Community!.SubDistrictId, c.CommunityId, c.GridId, c.HandlerUserId, c.TakenOverBySubDistrict))
            .SingleOrDefaultAsync(cancellationToken);
        if (resource is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, resource, CaseOperations.RevealPhone)).Succeeded) return Forbid();
        if (partyId is { } party && !await db.CaseParties.AnyAsync(p => p.Id == party && p.CaseId == id && p.Phone != null, cancellationToken))
            return NotFound();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = Now,
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            EntityType = partyId is null ? "Case" : "CaseParty",
            EntityId = (partyId ?? id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "PhoneRevealed",
            Changes = "{}",
        });
        await db.SaveChangesAsync(cancellationToken);
        var model = await CaseDetailsQuery.For(this, db, clock, l, authorization).LoadAsync(id, cancellationToken, revealPhone: partyId is null, revealPartyId: partyId);
        return model is null ? NotFound() : View(nameof(Details), model);
    }

    /// <summary>A party's whole ID number, on request (issue 18): allowed and logged as a phone reveal is, never the number itself.</summary>
    [HttpPost]
    public async Task<IActionResult> RevealIdNumber(int id, int partyId, CancellationToken cancellationToken)
    {
        var resource = await db.Cases.VisibleTo(User.Scope()).Where(c => c.Id == id)
            .Select(c => new CaseResource(c.Community!.SubDistrictId, c.CommunityId, c.GridId, c.HandlerUserId, c.TakenOverBySubDistrict))
            .SingleOrDefaultAsync(cancellationToken);
        if (resource is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, resource, CaseOperations.RevealPhone)).Succeeded) return Forbid();
        var stored = await db.CaseParties.Where(p => p.Id == partyId && p.CaseId == id && p.IdNumberProtected != null)
            .Select(p => p.IdNumberProtected).SingleOrDefaultAsync(cancellationToken);
        if (stored is null) return NotFound();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = Now,
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            EntityType = "CaseParty",
            EntityId = partyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "IdNumberRevealed",
            Changes = "{}",
        });
        await db.SaveChangesAsync(cancellationToken);
        var model = await CaseDetailsQuery.For(this, db, clock, l, authorization)
            .LoadAsync(id, cancellationToken, revealedIdNumber: (partyId, protector.Unprotect(stored)));
        return model is null ? NotFound() : View(nameof(Details), model);
    }
}

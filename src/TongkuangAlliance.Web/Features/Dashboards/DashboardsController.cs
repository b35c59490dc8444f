using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// 数据看板: the sub-district's dashboard (every community), a community's (with its grids and compounds), a paired
/// unit's (its contribution and what it still owes), the period's printable report and its Excel file. Every figure
/// is computed from the records within the user's scope (<see cref="DashboardQueries"/>) and links to the list
/// behind it, filtered by the same rule (<see cref="DashboardRules"/>). Grid workers have no dashboard (ADR 0008).
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class DashboardsController(AppDbContext db, DashboardQueries queries, TimeProvider clock, IOptions<DashboardOptions> options,
    IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private int MinCases => Math.Max(1, options.Value.MinCasesForRanking);

    /// <summary>The sub-district's dashboard, or the community committee's own; a unit is sent to its own.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(PeriodInput period, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var own = DashboardResource.Of(scope);
        return own.UnitId is null
            ? await DashboardAsync(scope, period, own.CommunityId, cancellationToken)
            : RedirectToAction(nameof(Unit), PeriodInput.RouteValues(Period(period, out _)));
    }

    /// <summary>A community's dashboard: the sub-district opens any of its communities, a committee only its own (else 404).</summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public Task<IActionResult> Community(int id, PeriodInput period, CancellationToken cancellationToken) =>
        DashboardAsync(User.Scope(), period, id, cancellationToken);

    /// <summary>A unit's dashboard: the sub-district opens any unit of its sub-district, a unit only its own (else 404).</summary>
    [HttpGet, Authorize(Policy = Policies.SubDistrictOrUnit)]
    public async Task<IActionResult> Unit(int? id, PeriodInput period, CancellationToken cancellationToken)
    {
        id ??= DashboardResource.Of(User.Scope()).UnitId;
        if (id is null) return RedirectToAction(nameof(Index));
        var model = await UnitModelAsync(id, period, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = l["Dashboard.UnitTitle", model.UnitName];
        return View(model);
    }

    /// <summary>A unit's own report, print-friendly: its figures only (the sub-district's for any of its units, a unit its own; else 404).</summary>
    [HttpGet, Authorize(Policy = Policies.SubDistrictOrUnit)]
    public async Task<IActionResult> UnitReport(int? id, PeriodInput period, CancellationToken cancellationToken)
    {
        var model = await UnitModelAsync(id ?? DashboardResource.Of(User.Scope()).UnitId, period, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = l["Dashboard.ReportTitle", l["Dashboard.UnitTitle", model.UnitName], model.PeriodText];
        return View(model);
    }

    /// <summary>A unit's own report as an Excel workbook, scoped as <see cref="UnitReport"/>.</summary>
    [HttpGet, Authorize(Policy = Policies.SubDistrictOrUnit)]
    public async Task<IActionResult> UnitExport(int? id, PeriodInput period, CancellationToken cancellationToken)
    {
        var model = await UnitModelAsync(id ?? DashboardResource.Of(User.Scope()).UnitId, period, cancellationToken);
        if (model is null) return NotFound();
        var workbook = new DashboardWorkbook(l, Now.AddHours(8));
        return await WorkbookAsync(workbook, workbook.UnitSheets(model), model.Period, "unit-report", cancellationToken);
    }

    /// <summary>The unit's figures, or null when the unit is outside the user's scope (a unit may only name its own).</summary>
    private async Task<UnitDashboardViewModel?> UnitModelAsync(int? id, PeriodInput period, CancellationToken ct)
    {
        var scope = User.Scope();
        if (id is null || !(await authorization.AuthorizeAsync(User, new DashboardResource(null, id), DashboardOperations.View)).Succeeded) return null;
        var name = await db.MemberUnits.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var p = Period(period, out var valid);
        var rows = await queries.UnitsAsync(scope, p, null, id, MinCases, ct);
        return new UnitDashboardViewModel
        {
            UnitId = id.Value,
            UnitName = name,
            Period = p,
            PeriodValid = valid,
            PeriodText = PeriodText(p),
            Row = await UnitRowAsync(rows.Single(), new DashboardLinks(Url, p, null)),
            PeriodRoute = PeriodInput.RouteValues(p),
            ThisYear = ChinaTime.Today(clock).Year,
        };
    }

    /// <summary>The period's report, print-friendly (A4, no menu), with the dashboard's numbers.</summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Report(int? communityId, PeriodInput period, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(User.Scope(), period, communityId, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = l["Dashboard.ReportTitle", model.Heading, model.PeriodText];
        return View(model);
    }

    /// <summary>The period's report as an Excel workbook: the figures, the communities (or grids and compounds) and the months.</summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Export(int? communityId, PeriodInput period, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(User.Scope(), period, communityId, cancellationToken);
        if (model is null) return NotFound();
        var workbook = new DashboardWorkbook(l, Now.AddHours(8));
        return await WorkbookAsync(workbook, workbook.Sheets(model), model.Period, "report", cancellationToken);
    }

    private async Task<IActionResult> WorkbookAsync(DashboardWorkbook workbook, Dictionary<string, object> sheets, ReportPeriod period, string prefix, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FreezeRowCount = DashboardWorkbook.FrozenRows };
        await stream.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
        workbook.ApplyFormats(stream);
        stream.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx");
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private async Task<IActionResult> DashboardAsync(UserScope scope, PeriodInput period, int? communityId, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(scope, period, communityId, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = model.Heading;
        return View("Index", model);
    }

    private ReportPeriod Period(PeriodInput input, out bool valid)
    {
        var period = input.Resolve(ChinaTime.Today(clock), out valid);
        valid &= ModelState.IsValid;
        return period;
    }

    /// <summary>Null when the community is outside the user's scope (a community committee may only name its own).</summary>
    private async Task<DashboardViewModel?> ModelAsync(UserScope scope, PeriodInput input, int? communityId, CancellationToken ct)
    {
        communityId ??= DashboardResource.Of(scope).CommunityId;
        if (!(await authorization.AuthorizeAsync(User, new DashboardResource(communityId, null), DashboardOperations.View)).Succeeded) return null;
        string heading;
        if (communityId is { } id)
        {
            var name = await db.Communities.AsNoTracking().VisibleTo(scope).Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct);
            if (name is null) return null;
            heading = l["Dashboard.CommunityTitle", name];
        }
        else heading = l["Dashboard.Title"];

        var period = Period(input, out var valid);
        var data = await queries.LoadAsync(scope, period, Now, communityId, breakdown: communityId is not null, MinCases, ct);
        var lastPeriod = DashboardCards.LastYear(period, ChinaTime.Today(clock));
        var last = lastPeriod is null ? null : await queries.TotalAsync(scope, lastPeriod, communityId, ct);
        var links = new DashboardLinks(Url, period, communityId);
        var canOpenCommunities = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded;
        var units = new List<UnitRow>();
        foreach (var u in data.Units) units.Add(await UnitRowAsync(u, links));
        return new DashboardViewModel
        {
            Heading = heading,
            Period = period,
            PeriodValid = valid,
            PeriodText = PeriodText(period),
            Cards = new DashboardCards(l).Build(data.Total, last, lastPeriod, links),
            Communities = [.. data.Communities.Select(c => Slice(c, links.For(communityId: c.Id),
                canOpenCommunities ? Url.Action(nameof(Community), new RouteValueDictionary(PeriodInput.RouteValues(period)) { ["id"] = c.Id }) : null))],
            Grids = [.. data.Grids.Select(g => Slice(g, links.For(gridId: g.Id), null))],
            Compounds = [.. data.Compounds.Select(c => Slice(c, links.For(compoundId: c.Id), null))],
            Units = units,
            Months = data.Months,
            TrendJson = TrendJson(data.Months),
            CommunityId = communityId,
            MinCasesForRanking = data.MinCasesForRanking,
            PeriodRoute = PeriodInput.RouteValues(period),
            ThisYear = ChinaTime.Today(clock).Year,
        };
    }

    private static SliceRow Slice(NamedTally row, DashboardLinks links, string? dashboardUrl) => new(row.Id, row.Name, row.Tally, row.Rank,
        new Dictionary<string, string>
        {
            ["service-days"] = links.ServiceDays(),
            ["disputes-resolved"] = links.Resolved(CaseKind.Dispute),
            ["requests-solved"] = links.Resolved(CaseKind.Request),
            ["open-cases"] = links.Cases(("open", "true")),
            ["overdue-cases"] = links.Cases(("overdue", "true")),
        }, dashboardUrl);

    /// <summary>
    /// A unit's figures and their lists; the link to its commitments for whoever may open them (the unit's own page
    /// needs no id), and to its own dashboard for the sub-district (which compares the units).
    /// </summary>
    private async Task<UnitRow> UnitRowAsync(UnitContribution u, DashboardLinks links)
    {
        var owner = new WorkOwnerResource(u.UnitId, null);
        var commitments = !(await authorization.AuthorizeAsync(User, owner, WorkOwnerOperations.ViewCommitments)).Succeeded ? null
            : owner == WorkOwnerResource.Of(User.Scope()) ? Url.Action("Commitments", "Supervision", new { open = true, kind = "ActionItem" })
            : Url.Action("Commitments", "Supervision", new { unitId = u.UnitId, open = true, kind = "ActionItem" });
        var compares = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded;
        return new(u,
            links.ServiceDays(kind: null, ("unitId", Text(u.UnitId))),
            links.Terms(u.UnitId, ("fulfilledFrom", links.Period.FromText), ("fulfilledTo", links.Period.ToText), ("onTime", "true")),
            links.Terms(u.UnitId, ("fulfilledFrom", links.Period.FromText), ("fulfilledTo", links.Period.ToText)),
            links.Terms(u.UnitId, ("status", "pending")),
            commitments,
            compares ? Url.Action(nameof(Unit), new RouteValueDictionary(PeriodInput.RouteValues(links.Period)) { ["id"] = u.UnitId }) : null);
    }

    private string TrendJson(IReadOnlyList<MonthTally> months) => JsonSerializer.Serialize(new
    {
        labels = months.Select(m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        series = new[]
        {
            new { name = l["Dashboard.ServiceDays"].Value, values = months.Select(m => m.Tally.ServiceDays) },
            new { name = l["Dashboard.DisputesResolved"].Value, values = months.Select(m => m.Tally.DisputesResolved) },
            new { name = l["Dashboard.RequestsSolved"].Value, values = months.Select(m => m.Tally.RequestsSolved) },
        },
    });

    private string PeriodText(ReportPeriod p) => p.Kind switch
    {
        PeriodKind.Year => l["Dashboard.PeriodYear", p.From.Year],
        PeriodKind.Quarter => l["Dashboard.PeriodQuarter", p.From.Year, (p.From.Month - 1) / 3 + 1],
        PeriodKind.Month => l["Dashboard.PeriodMonth", p.From.Year, p.From.Month],
        _ => l["Dashboard.PeriodCustom", p.FromText, p.ToText],
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}

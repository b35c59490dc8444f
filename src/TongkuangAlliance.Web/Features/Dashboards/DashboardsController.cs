using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// 数据看板: the sub-district's dashboard (every community), a community's (with its grids and compounds), a paired
/// unit's (its contribution and what it still owes), the period's printable report and its Excel file. Every figure
/// is computed from the records within the user's scope (<see cref="DashboardQueries"/>) and links to the list
/// behind it, filtered by the same rule (<see cref="DashboardRules"/>). Grid workers have no dashboard (ADR 0008).
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class DashboardsController(AppDbContext db, DashboardQueries queries, TimeProvider clock, IOptions<DashboardOptions> options,
    IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private int MinCases => Math.Max(1, options.Value.MinCasesForRanking);

    /// <summary>The sub-district's dashboard, or the community committee's own; a unit is sent to its own.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(PeriodInput period, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        return scope.Role switch
        {
            PortalRole.SubDistrictCommittee => await DashboardAsync(scope, period, null, cancellationToken),
            PortalRole.CommunityCommittee => await DashboardAsync(scope, period, scope.CommunityId, cancellationToken),
            _ => RedirectToAction(nameof(Unit), PeriodInput.RouteValues(Period(period, out _))),
        };
    }

    /// <summary>A community's dashboard: the sub-district opens any of its communities, a committee only its own (else 404).</summary>
    [HttpGet, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public Task<IActionResult> Community(int id, PeriodInput period, CancellationToken cancellationToken) =>
        DashboardAsync(User.Scope(), period, id, cancellationToken);

    [HttpGet, Authorize(Roles = PortalRoles.SubDistrictCommittee + "," + PortalRoles.PairedUnit)]
    public async Task<IActionResult> Unit(int? id, PeriodInput period, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        if (scope.Role == PortalRole.PairedUnit)
        {
            if (id is not null && id != scope.MemberUnitId) return NotFound();
            id = scope.MemberUnitId;
        }
        if (id is null) return RedirectToAction(nameof(Index));
        var name = await db.MemberUnits.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return NotFound();

        var p = Period(period, out var valid);
        var rows = await queries.UnitsAsync(scope, p, null, id, MinCases, cancellationToken);
        var links = new Links(Url, p, null);
        ViewData["Title"] = l["Dashboard.UnitTitle", name];
        return View(new UnitDashboardViewModel
        {
            UnitId = id.Value,
            UnitName = name,
            Period = p,
            PeriodValid = valid,
            PeriodText = PeriodText(p),
            Row = UnitRowFor(rows.Single(), links, scope),
            PeriodRoute = PeriodInput.RouteValues(p),
            ThisYear = ChinaTime.Today(clock).Year,
        });
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
        var sheets = new Dictionary<string, object>
        {
            [l["Dashboard.SheetFigures"].Value] = model.Cards.Select(c => new Dictionary<string, object?>
            {
                [l["Dashboard.Figure"].Value] = c.Label,
                [l["Dashboard.Value"].Value] = c.Value,
                [l["Dashboard.Part"].Value] = c.Part,
                [l["Dashboard.Whole"].Value] = c.Whole,
            }).Prepend(new Dictionary<string, object?>
            {
                [l["Dashboard.Figure"].Value] = l["Dashboard.Period"].Value,
                [l["Dashboard.Value"].Value] = model.PeriodText,
                [l["Dashboard.Part"].Value] = null,
                [l["Dashboard.Whole"].Value] = null,
            }).ToList(),
            [l["Dashboard.SheetSlices"].Value] = SliceSheet(model.CommunityId is null ? model.Communities : [.. model.Grids, .. model.Compounds]),
            [l["Dashboard.SheetMonths"].Value] = model.Months.Select(m => new Dictionary<string, object?>
            {
                [l["Dashboard.Month"].Value] = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                [l["Dashboard.ServiceDays"].Value] = m.Tally.ServiceDays,
                [l["Dashboard.ResidentVisits"].Value] = m.Tally.ResidentVisits,
                [l["Dashboard.DisputesResolved"].Value] = m.Tally.DisputesResolved,
                [l["Dashboard.RequestsSolved"].Value] = m.Tally.RequestsSolved,
            }).ToList(),
            [l["Dashboard.SheetUnits"].Value] = model.Units.Select(u => new Dictionary<string, object?>
            {
                [l["Dashboard.Unit"].Value] = u.Unit.UnitName,
                [l["Dashboard.ActivitiesJoined"].Value] = u.Unit.ActivitiesJoined,
                [l["Dashboard.TermsFulfilled"].Value] = u.Unit.TermsFulfilled,
                [l["Dashboard.TermsOnTime"].Value] = u.Unit.TermsFulfilledOnTime,
                [l["Dashboard.TermsPending"].Value] = u.Unit.TermsPending,
                [l["Dashboard.Volunteers"].Value] = u.Unit.Volunteers,
                [l["Dashboard.VolunteerHours"].Value] = u.Unit.VolunteerHours,
            }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        stream.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"report-{model.Period.From:yyyyMMdd}-{model.Period.To:yyyyMMdd}.xlsx");
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private List<Dictionary<string, object?>> SliceSheet(IEnumerable<SliceRow> rows) => [.. rows.Select(r => new Dictionary<string, object?>
    {
        [l["Dashboard.Name"].Value] = r.Name,
        [l["Dashboard.ServiceDays"].Value] = r.Tally.ServiceDays,
        [l["Dashboard.ResidentVisits"].Value] = r.Tally.ResidentVisits,
        [l["Dashboard.DisputesResolved"].Value] = r.Tally.DisputesResolved,
        [l["Dashboard.RequestsSolved"].Value] = r.Tally.RequestsSolved,
        [l["Dashboard.OpenCases"].Value] = r.Tally.Open,
        [l["Dashboard.OverdueCases"].Value] = r.Tally.Overdue,
        [l["Dashboard.ResolutionRate"].Value] = Percent(r.Tally.ResolutionRate),
        [l["Dashboard.Rank"].Value] = r.Rank,
    })];

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
        if (scope.Role == PortalRole.CommunityCommittee)
        {
            if (communityId is not null && communityId != scope.CommunityId) return null;
            communityId = scope.CommunityId;
        }
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
        var links = new Links(Url, period, communityId);
        var canOpenCommunities = scope.Role == PortalRole.SubDistrictCommittee;
        return new DashboardViewModel
        {
            Heading = heading,
            Period = period,
            PeriodValid = valid,
            PeriodText = PeriodText(period),
            Cards = Cards(data.Total, links),
            Communities = [.. data.Communities.Select(c => Slice(c, links.For(communityId: c.Id),
                canOpenCommunities ? Url.Action(nameof(Community), new RouteValueDictionary(PeriodInput.RouteValues(period)) { ["id"] = c.Id }) : null))],
            Grids = [.. data.Grids.Select(g => Slice(g, links.For(gridId: g.Id), null))],
            Compounds = [.. data.Compounds.Select(c => Slice(c, links.For(compoundId: c.Id), null))],
            Units = [.. data.Units.Select(u => UnitRowFor(u, links, scope))],
            Months = data.Months,
            TrendJson = TrendJson(data.Months),
            CommunityId = communityId,
            MinCasesForRanking = data.MinCasesForRanking,
            PeriodRoute = PeriodInput.RouteValues(period),
            ThisYear = ChinaTime.Today(clock).Year,
        };
    }

    /// <summary>The headline figures: one entry each (label, value, the list behind it).</summary>
    private List<FigureCard> Cards(Tally t, Links k) =>
    [
        new("service-days", l["Dashboard.ServiceDays"], Count(t.ServiceDays), k.ServiceDays()),
        new("resident-visits", l["Dashboard.ResidentVisits"], Count(t.ResidentVisits), k.ServiceDays(), l["Dashboard.ResidentVisitsHint"]),
        new("disputes-resolved", l["Dashboard.DisputesResolved"], Count(t.DisputesResolved), k.Resolved(CaseKind.Dispute)),
        new("requests-solved", l["Dashboard.RequestsSolved"], Count(t.RequestsSolved), k.Resolved(CaseKind.Request)),
        new("volunteer-hours", l["Dashboard.VolunteerHours"], t.VolunteerHours.ToString("0.0", CultureInfo.InvariantCulture), k.Ledger(), l["Dashboard.VolunteerHoursHint"]),
        new("active-volunteers", l["Dashboard.ActiveVolunteers"], Count(t.ActiveVolunteers), k.Ledger(), l["Dashboard.ActiveVolunteersHint"]),
        new("open-cases", l["Dashboard.OpenCases"], Count(t.Open), k.Cases(("open", "true")), l["Dashboard.NowHint"]),
        new("overdue-cases", l["Dashboard.OverdueCases"], Count(t.Overdue), k.Cases(("overdue", "true")), l["Dashboard.OverdueHint"]),
        new("resolution-rate", l["Dashboard.ResolutionRate"], Percent(t.ResolutionRate), null, l["Dashboard.ResolutionRateHint"],
            t.RegisteredResolved, k.Registered(("resolved", "true")), t.Registered, k.Registered()),
        new("average-days", l["Dashboard.AverageDays"], t.AverageDaysToResolve is { } days ? days.ToString("0.0", CultureInfo.InvariantCulture) : "—",
            k.Resolved(null), l["Dashboard.AverageDaysHint"]),
        new("satisfaction-rate", l["Dashboard.SatisfactionRate"], Percent(t.SatisfactionRate), null, l["Dashboard.SatisfactionHint"],
            t.Satisfied, k.FollowedUp(satisfied: true), t.FollowedUp, k.FollowedUp(satisfied: false)),
        new("not-escalated", l["Dashboard.NotEscalated"], Percent(t.NotEscalatedShare), null, l["Dashboard.NotEscalatedHint"],
            t.DisputesNotEscalated, k.Resolved(CaseKind.Dispute, ("neverEscalated", "true")), t.DisputesResolved, k.Resolved(CaseKind.Dispute)),
    ];

    private static SliceRow Slice(NamedTally row, Links links, string? dashboardUrl) => new(row.Id, row.Name, row.Tally, row.Rank,
        new Dictionary<string, string>
        {
            ["service-days"] = links.ServiceDays(),
            ["disputes-resolved"] = links.Resolved(CaseKind.Dispute),
            ["requests-solved"] = links.Resolved(CaseKind.Request),
            ["open-cases"] = links.Cases(("open", "true")),
            ["overdue-cases"] = links.Cases(("overdue", "true")),
        }, dashboardUrl);

    private UnitRow UnitRowFor(UnitContribution u, Links links, UserScope scope)
    {
        var sub = scope.Role == PortalRole.SubDistrictCommittee;
        return new(u,
            links.ServiceDays(kind: null, ("unitId", Text(u.UnitId))),
            links.Terms(u.UnitId, ("fulfilledFrom", links.Period.FromText), ("fulfilledTo", links.Period.ToText), ("onTime", "true")),
            links.Terms(u.UnitId, ("fulfilledFrom", links.Period.FromText), ("fulfilledTo", links.Period.ToText)),
            links.Terms(u.UnitId, ("status", "pending")),
            sub ? Url.Action("Commitments", "Supervision", new { unitId = u.UnitId }) : scope.Role == PortalRole.PairedUnit ? Url.Action("Commitments", "Supervision") : null,
            sub ? Url.Action(nameof(Unit), new RouteValueDictionary(PeriodInput.RouteValues(links.Period)) { ["id"] = u.UnitId }) : null);
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

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Builds the filtered list links of one slice (the whole scope, a community, a grid or a compound) for one period.</summary>
    private sealed class Links(IUrlHelper url, ReportPeriod period, int? communityId, int? gridId = null, int? compoundId = null)
    {
        public ReportPeriod Period => period;

        public Links For(int? communityId = null, int? gridId = null, int? compoundId = null) =>
            new(url, period, communityId ?? CommunityId, gridId, compoundId);

        private int? CommunityId => communityId;

        public string Cases(params (string Key, string Value)[] extra)
        {
            var values = Scope();
            if (gridId is { } g) values["gridId"] = Text(g);
            foreach (var (key, value) in extra) values[key] = value;
            return url.Action("Index", "Cases", values)!;
        }

        public string Resolved(CaseKind? kind, params (string Key, string Value)[] extra) =>
            Cases([.. kind is { } k ? [("kind", k.ToString())] : Array.Empty<(string, string)>(), ("resolvedFrom", period.FromText), ("resolvedTo", period.ToText), .. extra]);

        public string Registered(params (string Key, string Value)[] extra) => Cases([("from", period.FromText), ("to", period.ToText), .. extra]);

        public string FollowedUp(bool satisfied) => satisfied
            ? Cases(("followedFrom", period.FromText), ("followedTo", period.ToText), ("satisfied", "true"))
            : Cases(("followedFrom", period.FromText), ("followedTo", period.ToText));

        public string ServiceDays(ActivityKind? kind = ActivityKind.ServiceDay, params (string Key, string Value)[] extra)
        {
            var values = Scope();
            values["view"] = "list";
            if (kind is { } k) values["kind"] = k.ToString();
            values["status"] = nameof(ActivityStatus.Held);
            values["from"] = period.FromText;
            values["to"] = period.ToText;
            foreach (var (key, value) in extra) values[key] = value;
            return url.Action("Index", "Activities", values)!;
        }

        /// <summary>The volunteers' ledger of the period (one row per active volunteer, in the user's scope and the dashboard's community).</summary>
        public string Ledger()
        {
            var values = new RouteValueDictionary { ["from"] = period.FromText, ["to"] = period.ToText };
            if (communityId is { } c) values["communityId"] = Text(c);
            return url.Action("Ledger", "Volunteers", values)!;
        }

        public string Terms(int unitId, params (string Key, string Value)[] extra)
        {
            var values = new RouteValueDictionary { ["unitId"] = Text(unitId) };
            if (communityId is { } c) values["communityId"] = Text(c);
            foreach (var (key, value) in extra) values[key] = value;
            return url.Action("Index", "Terms", values)!;
        }

        private RouteValueDictionary Scope()
        {
            var values = new RouteValueDictionary();
            if (communityId is { } c) values["communityId"] = Text(c);
            if (compoundId is { } k) values["compoundId"] = Text(k);
            return values;
        }
    }
}

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// The period's report as a workbook a statistician can use (issue 19): sheets named in the user's language (概览,
/// 各社区 or 各网格 and 各小区, 各单位, 月度趋势), each with a title row (what, which period, when produced) above a
/// header row (both frozen), every column the page shows, and numbers as numeric cells: counts as integers, hours and
/// rates to one decimal as the page shows them (a rate in percent, its column saying so).
/// </summary>
internal sealed class DashboardWorkbook(IStringLocalizer<SharedResource> l, DateTime producedChinaTime)
{
    /// <summary>The title row and the header row stay in view when scrolling.</summary>
    public const int FrozenRows = 2;

    public Dictionary<string, object> Sheets(DashboardViewModel model)
    {
        var title = l["Dashboard.SheetTitle", model.Heading, model.PeriodText, producedChinaTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value;
        var sheets = new Dictionary<string, object>
        {
            [l["Dashboard.SheetFigures"].Value] = Sheet(title,
                [l["Dashboard.Figure"], l["Dashboard.Value"], l["Dashboard.ValueUnit"], l["Dashboard.Part"], l["Dashboard.Whole"], l["Dashboard.VersusColumn"]],
                model.Cards.Select(c => new object?[] { c.Label, Number(c.Value), c.Value.EndsWith('%') ? "%" : null, c.Part, c.Whole, c.Versus?.Text })),
        };
        if (model.CommunityId is null) sheets[l["Dashboard.SheetCommunities"].Value] = SliceSheet(title, model.Communities, "Field.Community", serviceDays: true, rank: true);
        else
        {
            sheets[l["Dashboard.SheetGrids"].Value] = SliceSheet(title, model.Grids, "Dashboard.Grid", serviceDays: false, rank: false);
            sheets[l["Dashboard.SheetCompounds"].Value] = SliceSheet(title, model.Compounds, "Dashboard.Compound", serviceDays: true, rank: false);
        }
        sheets[l["Dashboard.SheetUnits"].Value] = Sheet(title,
            [l["Dashboard.Unit"], l["Dashboard.ActivitiesJoined"], l["Dashboard.Volunteers"], l["Dashboard.VolunteerHours"], l["Dashboard.TermsFulfilled"],
                l["Dashboard.TermsOnTime"], Pct("Dashboard.OnTimeRate"), l["Dashboard.TermsPending"], l["Dashboard.ActionItemsOpen"], l["Dashboard.RankByOnTime"]],
            model.Units.Select(r => new object?[] { r.Unit.UnitName, r.Unit.ActivitiesJoined, r.Unit.Volunteers, r.Unit.VolunteerHours, r.Unit.TermsFulfilled,
                r.Unit.TermsFulfilledOnTime, Rate(r.Unit.OnTimeRate), r.Unit.TermsPending, r.Unit.ActionItemsOpen, r.Unit.Rank }));
        sheets[l["Dashboard.SheetMonths"].Value] = Sheet(title,
            [l["Dashboard.Month"], l["Dashboard.ServiceDays"], l["Dashboard.ResidentVisits"], l["Dashboard.DisputesResolved"], l["Dashboard.RequestsSolved"]],
            model.Months.Select(m => new object?[] { m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Tally.ServiceDays, m.Tally.ResidentVisits,
                m.Tally.DisputesResolved, m.Tally.RequestsSolved }));
        return sheets;
    }

    /// <summary>A unit's own workbook: one sheet of its figures only (what it contributed and what it still owes).</summary>
    public Dictionary<string, object> UnitSheets(UnitDashboardViewModel model)
    {
        var heading = l["Dashboard.UnitTitle", model.UnitName].Value;
        var title = l["Dashboard.SheetTitle", heading, model.PeriodText, producedChinaTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value;
        return new Dictionary<string, object>
        {
            [l["Dashboard.SheetFigures"].Value] = Sheet(title, [l["Dashboard.Figure"], l["Dashboard.Value"], l["Dashboard.ValueUnit"]],
                UnitFigures(model.Row.Unit).Select(f => new object?[] { l[f.Key].Value, f.Value, f.Percent ? "%" : null })),
        };
    }

    /// <summary>A unit's figures as its report shows them, in order: id (the report's data-figure), label key, value.</summary>
    public static IEnumerable<(string Id, string Key, double? Value, bool Percent)> UnitFigures(UnitContribution u) =>
    [
        ("activities-joined", "Dashboard.ActivitiesJoined", u.ActivitiesJoined, false),
        ("volunteers", "Dashboard.Volunteers", u.Volunteers, false),
        ("volunteer-hours", "Dashboard.VolunteerHours", (double)u.VolunteerHours, false),
        ("terms-fulfilled", "Dashboard.TermsFulfilled", u.TermsFulfilled, false),
        ("terms-on-time", "Dashboard.TermsOnTime", u.TermsFulfilledOnTime, false),
        ("on-time-rate", "Dashboard.OnTimeRate", Rate(u.OnTimeRate), true),
        ("terms-pending", "Dashboard.TermsPending", u.TermsPending, false),
        ("action-items", "Dashboard.ActionItemsOpen", u.ActionItemsOpen, false),
    ];

    private List<Dictionary<string, object?>> SliceSheet(string title, IEnumerable<SliceRow> rows, string nameKey, bool serviceDays, bool rank)
    {
        List<string> headers = [l[nameKey]];
        if (serviceDays) headers.AddRange([l["Dashboard.ServiceDays"], l["Dashboard.ResidentVisits"]]);
        headers.AddRange([l["Dashboard.DisputesResolved"], l["Dashboard.RequestsSolved"], l["Dashboard.OpenCases"], l["Dashboard.OverdueCases"],
            Pct("Dashboard.ResolutionRate"), Pct("Dashboard.SatisfactionRate"), Pct("Dashboard.NotEscalated")]);
        if (rank) headers.Add(l["Dashboard.RankByResolution"]);
        return Sheet(title, [.. headers], rows.Select(r =>
        {
            var t = r.Tally;
            List<object?> cells = [r.Name];
            if (serviceDays) cells.AddRange([t.ServiceDays, t.ResidentVisits]);
            cells.AddRange([t.DisputesResolved, t.RequestsSolved, t.Open, t.Overdue, Rate(t.ResolutionRate), Rate(t.SatisfactionRate), Rate(t.NotEscalatedShare)]);
            if (rank) cells.Add(r.Rank);
            return cells.ToArray();
        }));
    }

    private string Pct(string key) => l["Dashboard.PercentColumn", l[key]];

    /// <summary>A title row, a header row, then the rows; columns keyed A, B, … (the workbook is written without MiniExcel's own header).</summary>
    private static List<Dictionary<string, object?>> Sheet(string title, string[] headers, IEnumerable<object?[]> rows)
    {
        var keys = headers.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();
        Dictionary<string, object?> Row(IReadOnlyList<object?> cells) => keys.Select((k, i) => (k, v: i < cells.Count ? cells[i] : null)).ToDictionary(x => x.k, x => x.v);
        return [Row([title]), Row(headers), .. rows.Select(Row)];
    }

    /// <summary>A rate in percent, rounded as the page shows it (71.0 for "71.0%").</summary>
    private static double? Rate(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    /// <summary>The card's number as the page shows it: "68" → 68, "160.4" → 160.4, "71.0%" → 71.0, "—" → empty.</summary>
    private static double? Number(string shown) =>
        double.TryParse(shown.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}

using System.IO.Compression;
using System.Xml.Linq;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// The period's report as a workbook a statistician can use (issue 19): sheets named in the user's language (概览,
/// 各社区 or 各网格 and 各小区, 各单位, 月度趋势), each with a title row (what, which period, when produced) above a
/// header row (both frozen), every column the page shows, and numbers as numeric cells: counts as integers, hours with
/// one decimal (0.0) and rates as fractions in a percent format (0.0%), rounded as the page shows them.
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
            model.Units.Select(r => new object?[] { r.Unit.UnitName, r.Unit.ActivitiesJoined, r.Unit.Volunteers, Hours(r.Unit.VolunteerHours), r.Unit.TermsFulfilled,
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
                UnitFigures(model.Row.Unit).Select(f => new object?[] { l[f.Key].Value,
                    f.Percent ? Percent(f.Value / 100) : f.Id == "volunteer-hours" ? OneDecimal(f.Value) : (object?)f.Value, f.Percent ? "%" : null })),
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
        ("on-time-rate", "Dashboard.OnTimeRate", u.OnTimeRate is { } r ? Math.Round(r * 100, 1) : null, true),
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

    /// <summary>
    /// A title row, a header row, then the rows; columns keyed A, B, … (the workbook is written without MiniExcel's
    /// own header). A <see cref="Formatted"/> value is written as its number, and its cell remembered for
    /// <see cref="ApplyFormats"/>.
    /// </summary>
    private List<Dictionary<string, object?>> Sheet(string title, string[] headers, IEnumerable<object?[]> rows)
    {
        var sheet = sheetCount++;
        var keys = headers.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();
        var rowNumber = 0;
        Dictionary<string, object?> Row(IReadOnlyList<object?> cells)
        {
            rowNumber++;
            return keys.Select((k, i) => (k, v: i < cells.Count ? cells[i] : null)).ToDictionary(x => x.k, x =>
            {
                if (x.v is not Formatted f) return x.v;
                formats.Add((sheet, x.k + rowNumber.ToString(CultureInfo.InvariantCulture), f.Format));
                return (object?)f.Value;
            });
        }
        return [Row([title]), Row(headers), .. rows.Select(Row)];
    }

    private int sheetCount;
    private readonly List<(int Sheet, string Cell, string Format)> formats = [];

    /// <summary>A number with its cell's number format (percent, or one decimal).</summary>
    private sealed record Formatted(double Value, string Format);

    public const string PercentFormat = "0.0%";
    public const string DecimalFormat = "0.0";

    private static Formatted? Percent(double? fraction) => fraction is { } f ? new(Math.Round(f, 3), PercentFormat) : null;

    private static Formatted? OneDecimal(double? value) => value is { } v ? new(v, DecimalFormat) : null;

    private static Formatted Hours(decimal hours) => new((double)hours, DecimalFormat);

    /// <summary>A rate as the page rounds it (0.710 for "71.0%"), in a cell formatted as a percentage.</summary>
    private static Formatted? Rate(double? rate) => Percent(rate is { } r ? Math.Round(r * 100, 1) / 100 : null);

    /// <summary>The card's number as the page shows it: "68" → 68, "160.4" → 160.4 (0.0), "71.0%" → 0.710 (0.0%), "—" → empty.</summary>
    private static object? Number(string shown)
    {
        if (!double.TryParse(shown.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
        return shown.EndsWith('%') ? Percent(n / 100) : shown.Contains('.', StringComparison.Ordinal) ? OneDecimal(n) : (object?)n;
    }

    /// <summary>
    /// Gives the remembered cells their number formats (MiniExcel writes every number in the General format): adds
    /// the formats and a cell style for each to xl/styles.xml and sets the cells' style.
    /// </summary>
    public void ApplyFormats(Stream xlsx)
    {
        if (formats.Count == 0) return;
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Update, leaveOpen: true);
        var stylesEntry = zip.GetEntry("xl/styles.xml")!;
        var styles = Load(stylesEntry);
        var root = styles.Root!;
        var numFmts = root.Element(ns + "numFmts");
        if (numFmts is null)
        {
            numFmts = new XElement(ns + "numFmts");
            root.AddFirst(numFmts);
        }
        var cellXfs = root.Element(ns + "cellXfs")!;
        var nextId = numFmts.Elements(ns + "numFmt").Select(e => (int)e.Attribute("numFmtId")! + 1).Append(164).Max();
        var styleOf = new Dictionary<string, int>();
        foreach (var code in formats.Select(f => f.Format).Distinct())
        {
            numFmts.Add(new XElement(ns + "numFmt", new XAttribute("numFmtId", nextId), new XAttribute("formatCode", code)));
            styleOf[code] = cellXfs.Elements(ns + "xf").Count();
            cellXfs.Add(new XElement(ns + "xf", new XAttribute("numFmtId", nextId), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
                new XAttribute("borderId", 0), new XAttribute("xfId", 0), new XAttribute("applyNumberFormat", 1)));
            nextId++;
        }
        numFmts.SetAttributeValue("count", numFmts.Elements().Count());
        cellXfs.SetAttributeValue("count", cellXfs.Elements().Count());
        Save(stylesEntry, styles);

        foreach (var sheet in formats.GroupBy(f => f.Sheet))
        {
            var entry = zip.GetEntry($"xl/worksheets/sheet{sheet.Key + 1}.xml")!;
            var document = Load(entry);
            var cells = document.Descendants(ns + "c").Where(c => c.Attribute("r") is not null).ToDictionary(c => (string)c.Attribute("r")!);
            foreach (var (_, cell, format) in sheet)
                if (cells.TryGetValue(cell, out var c)) c.SetAttributeValue("s", styleOf[format]);
            Save(entry, document);
        }
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static void Save(ZipArchiveEntry entry, XDocument document)
    {
        using var stream = entry.Open();
        stream.SetLength(0);
        document.Save(stream, SaveOptions.DisableFormatting);
    }
}

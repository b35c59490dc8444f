using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>The period form's values (query string), shared by every dashboard page, the report and the export.</summary>
public sealed class PeriodInput
{
    public PeriodKind? Kind { get; set; }
    public int? Year { get; set; }
    public int? Quarter { get; set; }
    public int? Month { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public ReportPeriod Resolve(DateOnly today, out bool valid) => ReportPeriod.Parse(Kind, Year, Quarter, Month, From, To, today, out valid);

    /// <summary>The route values that reproduce <paramref name="period"/> (for links to the report and export).</summary>
    public static Dictionary<string, string?> RouteValues(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Year => new() { ["kind"] = "Year", ["year"] = Text(period.From.Year) },
        PeriodKind.Quarter => new() { ["kind"] = "Quarter", ["year"] = Text(period.From.Year), ["quarter"] = Text((period.From.Month - 1) / 3 + 1) },
        PeriodKind.Month => new() { ["kind"] = "Month", ["year"] = Text(period.From.Year), ["month"] = Text(period.From.Month) },
        _ => new() { ["kind"] = "Custom", ["from"] = period.FromText, ["to"] = period.ToText },
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record SliceRow(int Id, string Name, Tally Tally, int? Rank, IReadOnlyDictionary<string, string> Links, string? DashboardUrl);

public sealed class DashboardViewModel
{
    public required string Heading { get; init; }
    public required ReportPeriod Period { get; init; }
    public required bool PeriodValid { get; init; }
    public required string PeriodText { get; init; }
    public required IReadOnlyList<FigureCard> Cards { get; init; }
    public required IReadOnlyList<SliceRow> Communities { get; init; }
    public IReadOnlyList<SliceRow> Grids { get; init; } = [];
    public IReadOnlyList<SliceRow> Compounds { get; init; } = [];
    public required IReadOnlyList<UnitRow> Units { get; init; }
    public required IReadOnlyList<MonthTally> Months { get; init; }
    public required string TrendJson { get; init; }
    public int? CommunityId { get; init; }
    public int MinCasesForRanking { get; init; }
    public required Dictionary<string, string?> PeriodRoute { get; init; }
    public required int ThisYear { get; init; }
}

public sealed record UnitRow(UnitContribution Unit, string? JoinedUrl, string? OnTimeUrl, string? FulfilledUrl, string? PendingUrl, string? ItemsUrl, string? DashboardUrl);

public sealed class UnitDashboardViewModel
{
    public required string UnitName { get; init; }
    public required int UnitId { get; init; }
    public required ReportPeriod Period { get; init; }
    public required bool PeriodValid { get; init; }
    public required string PeriodText { get; init; }
    public required UnitRow Row { get; init; }
    public required Dictionary<string, string?> PeriodRoute { get; init; }
    public required int ThisYear { get; init; }
}

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>Formatting used by views: times in China Standard Time, dates in the request culture.</summary>
public static class Display
{
    public static string ChinaDateTime(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
}

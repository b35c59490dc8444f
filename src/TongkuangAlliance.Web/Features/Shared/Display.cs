namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>Formatting used by views: times in China Standard Time, dates in the request culture.</summary>
public static class Display
{
    public static string ChinaDateTime(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as printed documents write it: 2026年12月7日 (7 December 2026 in English).</summary>
    public static string ChineseDate(DateOnly date) => TongkuangAlliance.Web.Infrastructure.Localization.PortalCultures.IsEnglish
        ? date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>Hours with one decimal always, so 2 hours read "2.0" beside "2.8".</summary>
    public static string Hours(decimal hours) => hours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Credited minutes as hours with one decimal.</summary>
    public static string Hours(int minutes) => Hours(Math.Round(minutes / 60m, 1));
}

namespace TongkuangAlliance.Web.Infrastructure.Localization;

public static class PortalCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Chinese), new(English)];

    /// <summary>Whether this request speaks English: names kept in two languages (categories, service kinds) show their English one.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}

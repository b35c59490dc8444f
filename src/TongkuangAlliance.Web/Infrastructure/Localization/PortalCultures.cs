namespace TongkuangAlliance.Web.Infrastructure.Localization;

public static class PortalCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Chinese), new(English)];
}

namespace TongkuangAlliance.Core.Common;

/// <summary>
/// Times are stored in UTC and shown in China Standard Time. China has kept UTC+8 without daylight
/// saving since 1991, so a fixed offset is exact and needs no time-zone database on the server.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime chinaLocal) =>
        DateTime.SpecifyKind(chinaLocal - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));
}

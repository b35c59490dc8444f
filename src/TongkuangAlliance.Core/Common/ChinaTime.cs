namespace TongkuangAlliance.Core.Common;

/// <summary>
/// Times are stored in UTC and shown in China Standard Time. China has kept UTC+8 without daylight
/// saving since 1991, so a fixed offset is exact and needs no time-zone database on the server.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// The first day a person may enter as a date or time (an incident, a session, a due date, an activity...).
    /// Every date the portal records lies in the 2000s: its own records start in the 2020s, and an incident a
    /// dispute is about is recent too. Keeping entered dates in 2000–2100 keeps them far from the ends of
    /// <see cref="DateTime"/>: <see cref="ToUtc"/> of 0001-01-01 before 08:00 would fall before
    /// <see cref="DateTime.MinValue"/>, and deadlines added to 9999-12-31 past <see cref="DateTime.MaxValue"/>.
    /// It is also well inside the years the fixed offset is exact (China dropped daylight saving after 1991).
    /// The message <c>Validation.DateRange</c> names these years.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The last day a person may enter (see <see cref="EarliestDate"/>).</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Whether an entered date lies in <see cref="EarliestDate"/>–<see cref="LatestDate"/>.</summary>
    public static bool IsInRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>Whether an entered China time lies on a day in <see cref="EarliestDate"/>–<see cref="LatestDate"/>.</summary>
    public static bool IsInRange(DateTime chinaLocal) => IsInRange(DateOnly.FromDateTime(chinaLocal));

    public static DateTime FromUtc(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime chinaLocal) =>
        DateTime.SpecifyKind(chinaLocal - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));
}

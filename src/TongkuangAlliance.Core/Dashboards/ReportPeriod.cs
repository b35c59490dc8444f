using System.Globalization;

namespace TongkuangAlliance.Core.Dashboards;

public enum PeriodKind
{
    Year = 1,
    Quarter = 2,
    Month = 3,
    Custom = 4,
}

/// <summary>
/// The period a dashboard or report covers: whole China-time calendar days from <see cref="From"/> to
/// <see cref="To"/> (both included). <see cref="FromUtc"/> … <see cref="ToUtcExclusive"/> is the same span in UTC,
/// the form every query compares stored times with.
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>A custom period may not be longer than this (the monthly trend would become unreadable).</summary>
    public const int MaxCustomYears = 10;

    public DateTime FromUtc => StartUtc(From);

    public DateTime ToUtcExclusive => EndUtcExclusive(To);

    /// <summary>The UTC instant a China-time day starts (any date, even 0001-01-01, from a typed-in filter).</summary>
    public static DateTime StartUtc(DateOnly day) =>
        day.Year < 2 ? DateTime.MinValue : ChinaTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant the China-time day after <paramref name="day"/> starts.</summary>
    public static DateTime EndUtcExclusive(DateOnly day) =>
        day.Year > 9998 ? DateTime.MaxValue : ChinaTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static ReportPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(PeriodKind.Quarter, from, from.AddMonths(3).AddDays(-1));
    }

    public static ReportPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// Reads the period from a query string's values; anything missing or out of range falls back to the current
    /// year (China time), so a bad link never breaks the page. <paramref name="valid"/> says whether the input was used.
    /// </summary>
    public static ReportPeriod Parse(PeriodKind? kind, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, DateOnly today, out bool valid)
    {
        valid = true;
        var y = year is >= 2000 and <= 2100 ? year.Value : today.Year;
        if (year is not null && y != year) valid = false;
        switch (kind ?? PeriodKind.Year)
        {
            case PeriodKind.Year:
                return Year(y);
            case PeriodKind.Quarter when quarter is >= 1 and <= 4:
                return Quarter(y, quarter.Value);
            case PeriodKind.Quarter when quarter is null:
                return Quarter(y, (today.Month - 1) / 3 + 1);
            case PeriodKind.Month when month is >= 1 and <= 12:
                return Month(y, month.Value);
            case PeriodKind.Month when month is null:
                return Month(y, today.Month);
            // The range first: f.AddYears would overflow for a typed-in 9999-12-31.
            case PeriodKind.Custom when from is { } f && to is { } t && ChinaTime.IsInRange(f) && ChinaTime.IsInRange(t) && f <= t && t <= f.AddYears(MaxCustomYears):
                return new(PeriodKind.Custom, f, t);
        }
        valid = false;
        return Year(today.Year);
    }

    /// <summary>The first day of every month the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

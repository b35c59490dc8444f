namespace TongkuangAlliance.Core.Notifications;

/// <summary>
/// What a time-based rule has already told (issue 17, ADR 0013): one row per rule, record and day, unique in the
/// database. A job writes it in the same save as the notifications it causes, so a trigger fired twice, by two
/// instances or after a restart, writes them once: the second save breaks the unique index and writes nothing.
/// The overdue rule counts its rows to stop after <see cref="NotificationRules.OverdueMaxReminders"/>.
/// </summary>
public class ScheduledReminder
{
    public const int MaxKeyLength = 64;

    private ScheduledReminder() { }

    public ScheduledReminder(string rule, string recordKey, DateOnly day, DateTime createdAtUtc)
    {
        Rule = rule;
        RecordKey = recordKey;
        Day = day;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    /// <summary>The rule (its notification kind's name).</summary>
    public string Rule { get; private set; } = "";

    /// <summary>The record it was about, e.g. "Term:12", "Activity:7", "SubDistrict:1".</summary>
    public string RecordKey { get; private set; } = "";

    /// <summary>The China day the reminder is for: the run's day (daily rules), the due or start day (once-only rules), the period's first day (digests).</summary>
    public DateOnly Day { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

public enum DigestKind
{
    /// <summary>The sub-district committee's Monday summary of the past week.</summary>
    Weekly = 1,

    /// <summary>A member unit's summary of the past month: what it owes and what it did.</summary>
    MonthlyUnit = 2,
}

/// <summary>
/// 周报 / 月报: the figures a digest notification carries, for one sub-district (weekly) or one member unit (monthly),
/// over <see cref="From"/>–<see cref="To"/> (China days). The figures are stored as they were computed when the
/// digest was written (a JSON object of name → number), so the digest page shows what was sent; the page links each
/// to its list for the same period.
/// </summary>
public class NotificationDigest
{
    public const int MaxFiguresLength = 2000;

    private NotificationDigest() { }

    public NotificationDigest(DigestKind kind, int? subDistrictId, int? memberUnitId, DateOnly from, DateOnly to, IReadOnlyDictionary<string, decimal> figures, DateTime createdAtUtc)
    {
        Kind = kind;
        SubDistrictId = subDistrictId;
        MemberUnitId = memberUnitId;
        From = from;
        To = to;
        Figures = System.Text.Json.JsonSerializer.Serialize(figures);
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public DigestKind Kind { get; private set; }
    public int? SubDistrictId { get; private set; }
    public int? MemberUnitId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Figures { get; private set; } = "{}";
    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyDictionary<string, decimal> ReadFigures()
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(Figures) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, decimal>();
        }
    }
}

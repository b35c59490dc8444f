namespace TongkuangAlliance.Core.Notifications;

/// <summary>What a notification says; its text is the resource "Notification.Text.{Kind}", rendered in the reader's language.</summary>
public enum NotificationKind
{
    CaseNew = 1,
    CaseAssigned = 2,
    CaseEscalated = 3,
    CaseHandedBack = 4,
    TermRecorded = 5,
    TermFulfilled = 6,
    ActionItemAssigned = 7,
    ActionItemSentBack = 8,
    ActionItemCompleted = 9,

    // Time-based (the scheduler, ADR 0013)
    TermDueSoon = 10,
    TermOverdue = 11,
    ActionItemDueSoon = 12,
    ActionItemOverdue = 13,
    CaseDeadlineYellow = 14,
    CaseDeadlineRed = 15,
    ActivityTomorrow = 16,
    WeeklyDigest = 17,
    MonthlyUnitSummary = 18,

    // Activities, volunteers, follow-ups
    ActivityInvited = 19,
    SignUpConfirmed = 20,
    SignUpWaitlisted = 21,
    SignUpPromoted = 22,
    ActivityCancelled = 23,
    CaseReopened = 24,
}

/// <summary>
/// 提醒: one message to one account about one record (a case, an agreement term, an action item, an activity or a
/// digest: exactly one of the five ids), written in the same transaction as the change that caused it (<see cref="NotificationWriter"/>).
/// It stores the kind and the text's parameters, not a sentence, so each reader sees it in their own language.
/// It is the in-portal inbox's row and, later, the outbox row the external channels deliver (ADR 0012).
/// </summary>
public class Notification
{
    public const int MaxParameterLength = 200;

    private Notification() { }

    public Notification(string userId, NotificationKind kind, NotificationSubject subject, IReadOnlyList<string> parameters, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        CreatedAtUtc = createdAtUtc;
        Parameters = NotificationParameters.Write(parameters);
        switch (subject.Kind)
        {
            case NotificationSubjectKind.Case: CaseId = subject.Id; break;
            case NotificationSubjectKind.AgreementTerm: AgreementTermId = subject.Id; break;
            case NotificationSubjectKind.ActionItem: ActionItemId = subject.Id; break;
            case NotificationSubjectKind.Activity: ActivityId = subject.Id; break;
            case NotificationSubjectKind.Digest: DigestId = subject.Id; break;
            default: throw new ArgumentOutOfRangeException(nameof(subject));
        }
    }

    public long Id { get; private set; }

    /// <summary>The recipient (an account id).</summary>
    public string UserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    public int? CaseId { get; private set; }
    public int? AgreementTermId { get; private set; }
    public int? ActionItemId { get; private set; }
    public int? ActivityId { get; private set; }
    public int? DigestId { get; private set; }

    /// <summary>The text's parameters as a JSON array of strings ({0}, {1}, … of the resource).</summary>
    public string Parameters { get; private set; } = "[]";

    public bool IsRead => ReadAtUtc is not null;

    /// <summary>The record it is about (exactly one of the ids is set).</summary>
    public NotificationSubject Subject =>
        CaseId is { } c ? new(NotificationSubjectKind.Case, c)
        : AgreementTermId is { } t ? new(NotificationSubjectKind.AgreementTerm, t)
        : ActionItemId is { } a ? new(NotificationSubjectKind.ActionItem, a)
        : ActivityId is { } v ? new(NotificationSubjectKind.Activity, v)
        : new(NotificationSubjectKind.Digest, DigestId ?? 0);

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

public enum NotificationSubjectKind
{
    Case = 1,
    AgreementTerm = 2,
    ActionItem = 3,
    Activity = 4,
    Digest = 5,
}

/// <summary>The record a notification is about, which its recipient must be able to open.</summary>
public sealed record NotificationSubject(NotificationSubjectKind Kind, int Id);

/// <summary>The parameters column: a JSON array of strings, each cut to <see cref="Notification.MaxParameterLength"/>.</summary>
public static class NotificationParameters
{
    public const int MaxColumnLength = 2000;

    // Chinese stays readable (and short) in the column.
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Write(IReadOnlyList<string> parameters) =>
        System.Text.Json.JsonSerializer.Serialize(parameters.Select(p => p.Length > Notification.MaxParameterLength ? p[..(Notification.MaxParameterLength - 1)] + "…" : p).ToArray(), Json);

    public static string[] Read(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}

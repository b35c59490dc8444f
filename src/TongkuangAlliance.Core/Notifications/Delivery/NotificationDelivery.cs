namespace TongkuangAlliance.Core.Notifications.Delivery;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (new, retrying, or held by quiet hours or the daily cap).</summary>
    Pending = 1,
    /// <summary>Claimed by one dispatcher until its lease ends.</summary>
    Sending = 2,
    Sent = 3,
    /// <summary>Given up: refused by the channel, or out of attempts.</summary>
    Failed = 4,
    /// <summary>Not sent on purpose: the recipient may no longer open the record, unsubscribed, or the robot was removed.</summary>
    Cancelled = 5,
}

public enum DeliveryOutcome
{
    Sent = 1,
    /// <summary>The channel failed for now: retried after the backoff.</summary>
    Failed = 2,
    /// <summary>The channel refused for good, or the attempts ran out.</summary>
    GaveUp = 3,
    /// <summary>Held by quiet hours or the daily cap, not sent and not counted as an attempt.</summary>
    Held = 4,
    Cancelled = 5,
}

/// <summary>
/// One copy of a notification sent out on one channel (ADR 0012): an email to one account, or one post to an
/// organisation's group robot for everyone of it the event tells. Written with the notification, in the same
/// transaction; delivered later by the dispatcher, which claims it with a lease so that two app instances never
/// send it twice, and records every attempt (<see cref="NotificationDeliveryAttempt"/>).
/// </summary>
public class NotificationDelivery
{
    public const int MaxAttempts = 8;
    public const int MaxErrorLength = 1000;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private NotificationDelivery() { }

    private NotificationDelivery(DeliveryChannel channel, string address, int subDistrictId, DateTime nowUtc)
    {
        Channel = channel;
        Address = address;
        SubDistrictId = subDistrictId;
        Status = DeliveryStatus.Pending;
        CreatedAtUtc = nowUtc;
        NextAttemptUtc = nowUtc;
    }

    /// <summary>An email to one account.</summary>
    public static NotificationDelivery Email(Notification notification, string email, int subDistrictId, DateTime nowUtc) =>
        new(DeliveryChannel.Email, email, subDistrictId, nowUtc) { Notification = notification, UserId = notification.UserId, Kind = notification.Kind };

    /// <summary>One post to a community's or a member unit's group robot; the address is read from the organisation when sent.</summary>
    public static NotificationDelivery Robot(Notification notification, int? communityId, int? memberUnitId, int subDistrictId, DateTime nowUtc) =>
        new(DeliveryChannel.Robot, "", subDistrictId, nowUtc)
        {
            Notification = notification, UserId = notification.UserId, Kind = notification.Kind, CommunityId = communityId, MemberUnitId = memberUnitId,
        };

    /// <summary>An SMS to a resident's mobile (no account, no notification row): the case's consent decides, not preferences.</summary>
    public static NotificationDelivery Sms(string mobile, int subDistrictId, DateTime nowUtc) => new(DeliveryChannel.Sms, mobile, subDistrictId, nowUtc);

    public long Id { get; private set; }

    /// <summary>The notification delivered; null for a message that has none (a resident's SMS).</summary>
    public long? NotificationId { get; private set; }
    public Notification? Notification { get; private set; }
    public NotificationKind? Kind { get; private set; }
    public DeliveryChannel Channel { get; private set; }

    /// <summary>The account it is for: the email's recipient, or the account whose scope a robot post is checked against.</summary>
    public string? UserId { get; private set; }

    /// <summary>A robot post's organisation (one of the two).</summary>
    public int? CommunityId { get; private set; }
    public int? MemberUnitId { get; private set; }

    /// <summary>The email address or mobile number; empty for a robot (its webhook stays with the organisation).</summary>
    public string Address { get; private set; } = "";

    /// <summary>The sub-district whose delivery log shows it.</summary>
    public int SubDistrictId { get; private set; }

    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }

    public List<NotificationDeliveryAttempt> AttemptLog { get; } = [];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 1 min, 2, 4, … at most an hour.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var minutes = FirstRetry.TotalMinutes * Math.Pow(2, Math.Max(0, attempts - 1));
        return minutes >= LongestRetry.TotalMinutes ? LongestRetry : TimeSpan.FromMinutes(minutes);
    }

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
        Release();
        Log(nowUtc, DeliveryOutcome.Sent, null);
    }

    /// <summary>A failed attempt: retried after the backoff, or given up when permanent or out of attempts.</summary>
    public void MarkFailed(string error, bool permanent, DateTime nowUtc)
    {
        Attempts++;
        LastError = Cut(error);
        Release();
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            Log(nowUtc, DeliveryOutcome.GaveUp, LastError);
            return;
        }
        Status = DeliveryStatus.Pending;
        NextAttemptUtc = nowUtc + Backoff(Attempts);
        Log(nowUtc, DeliveryOutcome.Failed, LastError);
    }

    /// <summary>Held (quiet hours, daily cap) until <paramref name="untilUtc"/>: not an attempt.</summary>
    public void Hold(DateTime untilUtc, string reason, DateTime nowUtc)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptUtc = untilUtc;
        Release();
        Log(nowUtc, DeliveryOutcome.Held, reason);
    }

    public void Cancel(string reason, DateTime nowUtc)
    {
        Status = DeliveryStatus.Cancelled;
        LastError = Cut(reason);
        Release();
        Log(nowUtc, DeliveryOutcome.Cancelled, LastError);
    }

    /// <summary>An operator's resend: a failed or cancelled delivery goes out again now, with its attempts counted afresh.</summary>
    public bool Resend(DateTime nowUtc)
    {
        if (Status is not (DeliveryStatus.Failed or DeliveryStatus.Cancelled or DeliveryStatus.Pending)) return false;
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptUtc = nowUtc;
        Release();
        return true;
    }

    private void Release()
    {
        LeaseOwner = null;
        LeaseUntilUtc = null;
    }

    private void Log(DateTime nowUtc, DeliveryOutcome outcome, string? error) =>
        AttemptLog.Add(new NotificationDeliveryAttempt { DeliveryId = Id, AtUtc = nowUtc, Outcome = outcome, Error = error });

    private static string Cut(string text) => text.Length > MaxErrorLength ? text[..(MaxErrorLength - 1)] + "…" : text;
}

/// <summary>One attempt of a delivery (or a hold or cancellation): when, what came of it, the error.</summary>
public class NotificationDeliveryAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTime AtUtc { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public string? Error { get; set; }
}

/// <summary>A user's "do not send me this kind on this channel" (提醒设置). No row: sent.</summary>
public class NotificationOptOut
{
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public DeliveryChannel Channel { get; set; }
}

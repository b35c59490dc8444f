namespace TongkuangAlliance.Core.Notifications.Delivery;

/// <summary>
/// People's control over when they are reached (issue 17): SMS and robot messages wait out the quiet hours,
/// 22:00–07:00 China time, and are sent at 07:00 — held, never dropped. Email is read when the reader chooses, so it
/// is not held. Each recipient gets at most <see cref="DailyCap"/> messages a China day per channel; the rest wait
/// for the next day.
/// </summary>
public static class DeliveryLimits
{
    public static readonly TimeOnly QuietFrom = new(22, 0);
    public static readonly TimeOnly QuietUntil = new(7, 0);

    public static bool HasQuietHours(DeliveryChannel channel) => channel is DeliveryChannel.Sms or DeliveryChannel.Robot;

    /// <summary>The earliest time (UTC) a message due at <paramref name="dueUtc"/> may go out on <paramref name="channel"/>.</summary>
    public static DateTime EarliestSendUtc(DeliveryChannel channel, DateTime dueUtc)
    {
        if (!HasQuietHours(channel))
            return dueUtc;
        var local = ChinaTime.FromUtc(dueUtc);
        var time = TimeOnly.FromDateTime(local);
        var day = DateOnly.FromDateTime(local);
        if (time >= QuietFrom)
            return ChinaTime.ToUtc(day.AddDays(1).ToDateTime(QuietUntil));
        if (time < QuietUntil)
            return ChinaTime.ToUtc(day.ToDateTime(QuietUntil));
        return dueUtc;
    }

    /// <summary>Whether <paramref name="utc"/> falls in the quiet hours of <paramref name="channel"/>.</summary>
    public static bool IsQuiet(DeliveryChannel channel, DateTime utc) => EarliestSendUtc(channel, utc) != utc;

    /// <summary>At most this many messages to one recipient (address) per China day on one channel.</summary>
    public static int DailyCap(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => 30,
        DeliveryChannel.Robot => 20,
        DeliveryChannel.Sms => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>The start (UTC) of the China day after the one <paramref name="utc"/> falls on: when a capped message may go.</summary>
    public static DateTime NextChinaDayUtc(DateTime utc) =>
        ChinaTime.ToUtc(DateOnly.FromDateTime(ChinaTime.FromUtc(utc)).AddDays(1).ToDateTime(TimeOnly.MinValue));
}

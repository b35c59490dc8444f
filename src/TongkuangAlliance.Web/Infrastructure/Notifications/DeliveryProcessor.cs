using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>
/// Delivers what one dispatcher claimed (ADR 0012). Before sending, it checks again that the recipient may still
/// open the record, still wants this kind on this channel and (robot) that the organisation still has a robot —
/// otherwise the delivery is cancelled and the reason kept. It applies the quiet hours and the daily cap (held, not
/// an attempt), renders the text in the recipient's language, sends through the registered channel, and records the
/// attempt: sent, or failed and retried after the backoff (1 min, 2, 4 … at most an hour), given up after
/// <see cref="NotificationDelivery.MaxAttempts"/> or when the channel refuses for good.
/// </summary>
public sealed class DeliveryProcessor(
    AppDbContext db,
    IEnumerable<INotificationChannel> channels,
    TimeProvider clock,
    MessageRenderer renderer,
    NotificationSecrets secrets,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryProcessor> log)
{
    public const string OutOfScope = "Delivery.Reason.OutOfScope";
    public const string AccountInactive = "Delivery.Reason.AccountInactive";
    public const string TurnedOff = "Delivery.Reason.TurnedOff";
    public const string NoEmail = "Delivery.Reason.NoEmail";
    public const string RobotRemoved = "Delivery.Reason.RobotRemoved";
    public const string NoChannel = "Delivery.Reason.NoChannel";
    public const string QuietHours = "Delivery.Reason.QuietHours";
    public const string DailyCap = "Delivery.Reason.DailyCap";

    private readonly Dictionary<DeliveryChannel, INotificationChannel> _channels = channels.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>Claims one batch of due deliveries for <paramref name="owner"/> and delivers them; answers how many it claimed.</summary>
    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var claimed = await DeliveryClaims.ClaimAsync(db, owner, now, now + options.Value.Lease, options.Value.BatchSize, cancellationToken);
        foreach (var id in claimed)
        {
            await DeliverAsync(id, owner, cancellationToken);
            db.ChangeTracker.Clear();
        }
        return claimed.Count;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task DeliverAsync(long id, string owner, CancellationToken cancellationToken)
    {
        var delivery = await db.NotificationDeliveries.Include(d => d.Notification)
            .SingleOrDefaultAsync(d => d.Id == id && d.LeaseOwner == owner && d.Status == DeliveryStatus.Sending, cancellationToken);
        if (delivery is null) return; // the lease ran out and another dispatcher took it
        var prepared = await PrepareAsync(delivery, cancellationToken);
        if (prepared.Cancel is { } reason)
        {
            delivery.Cancel(reason, Now);
            log.LogInformation("Delivery {DeliveryId} on {Channel} cancelled: {Reason}", delivery.Id, delivery.Channel, reason);
        }
        else if (await HoldUntilAsync(delivery, prepared.Message!.Address, cancellationToken) is { } hold)
        {
            delivery.Hold(hold.Until, hold.Reason, Now);
        }
        else
        {
            var result = await SendAsync(prepared.Message, cancellationToken);
            if (result.Succeeded)
            {
                delivery.MarkSent(Now);
            }
            else
            {
                delivery.MarkFailed(result.Error ?? "failed", result.Permanent, Now);
                log.LogWarning("Delivery {DeliveryId} on {Channel} failed, attempt {Attempts}, {Outcome}: {Error}", delivery.Id, delivery.Channel, delivery.Attempts,
                    delivery.Status == DeliveryStatus.Failed ? "given up" : "retry at " + delivery.NextAttemptUtc.ToString("O", CultureInfo.InvariantCulture), delivery.LastError);
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(message.Channel, out var channel)) return ChannelResult.Refused(NoChannel);
        try
        {
            return await channel.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private sealed record Prepared(OutgoingMessage? Message, string? Cancel);

    private async Task<Prepared> PrepareAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Notification is not { } notification || delivery.UserId is null) return new(null, OutOfScope);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == delivery.UserId)
            .Select(u => new { u.Id, u.IsActive, u.Email, u.EmailConfirmed, u.PreferredCulture, u.Role, u.SubDistrictId, u.CommunityId, u.MemberUnitId, u.PartyMemberId, Grids = u.GridLinks.Select(g => g.GridId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.IsActive) return new(null, AccountInactive);
        var scope = new UserScope(user.Role, user.SubDistrictId, user.CommunityId, user.MemberUnitId) { GridIds = user.Grids, PartyMemberId = user.PartyMemberId };
        if (!await NotificationWriter.MayOpenAsync(db, notification.Subject, scope, cancellationToken)) return new(null, OutOfScope);

        var culture = MessageRenderer.CultureOf(user.PreferredCulture);
        var (subject, body) = renderer.Render(notification.Kind, notification.Parameters, culture);
        var baseUrl = options.Value.PublicBaseUrl;
        var link = MessageRenderer.RecordLink(baseUrl, notification);
        switch (delivery.Channel)
        {
            case DeliveryChannel.Email:
                if (await db.NotificationOptOuts.AnyAsync(o => o.UserId == user.Id && o.Kind == notification.Kind && o.Channel == DeliveryChannel.Email, cancellationToken))
                    return new(null, TurnedOff);
                if (!user.EmailConfirmed || string.IsNullOrWhiteSpace(user.Email)) return new(null, NoEmail);
                var unsubscribe = baseUrl.TrimEnd('/') + "/Unsubscribe?token=" + Uri.EscapeDataString(secrets.UnsubscribeToken(user.Id, notification.Kind));
                return new(new OutgoingMessage(delivery.Id, DeliveryChannel.Email, user.Email.Trim(), null, culture, subject, body, link, unsubscribe), null);
            case DeliveryChannel.Robot:
                var robot = delivery.CommunityId is { } community
                    ? await db.Communities.AsNoTracking().Where(c => c.Id == community).Select(c => new { c.RobotWebhookUrl, c.RobotSecretProtected }).SingleOrDefaultAsync(cancellationToken)
                    : await db.MemberUnits.AsNoTracking().Where(u => u.Id == delivery.MemberUnitId).Select(u => new { u.RobotWebhookUrl, u.RobotSecretProtected }).SingleOrDefaultAsync(cancellationToken);
                if (robot is null || !RobotAddress.IsValid(robot.RobotWebhookUrl)) return new(null, RobotRemoved);
                return new(new OutgoingMessage(delivery.Id, DeliveryChannel.Robot, robot.RobotWebhookUrl!, secrets.UnprotectRobotSecret(robot.RobotSecretProtected), culture, subject, body, link, null), null);
            default:
                return new(null, NoChannel);
        }
    }

    /// <summary>When the message must wait: quiet hours (SMS, robots) until 07:00, the daily cap until the next China day.</summary>
    private async Task<(DateTime Until, string Reason)?> HoldUntilAsync(NotificationDelivery delivery, string address, CancellationToken cancellationToken)
    {
        var now = Now;
        var earliest = DeliveryLimits.EarliestSendUtc(delivery.Channel, now);
        if (earliest > now) return (earliest, QuietHours);
        var dayStart = DeliveryLimits.NextChinaDayUtc(now).AddDays(-1);
        var sentToday = db.NotificationDeliveries.Where(d => d.Channel == delivery.Channel && d.Status == DeliveryStatus.Sent && d.SentAtUtc >= dayStart);
        sentToday = delivery.Channel == DeliveryChannel.Robot
            ? sentToday.Where(d => d.CommunityId == delivery.CommunityId && d.MemberUnitId == delivery.MemberUnitId)
            : sentToday.Where(d => d.Address == address);
        if (await sentToday.CountAsync(cancellationToken) >= DeliveryLimits.DailyCap(delivery.Channel))
            return (DeliveryLimits.NextChinaDayUtc(now), DailyCap);
        return null;
    }

}

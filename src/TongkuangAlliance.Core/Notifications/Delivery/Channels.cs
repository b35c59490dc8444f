namespace TongkuangAlliance.Core.Notifications.Delivery;

/// <summary>
/// The ways a notification leaves the portal. The inbox is not one of them: every notification is in its
/// recipient's inbox; a channel is an extra copy sent out (ADR 0012).
/// </summary>
public enum DeliveryChannel
{
    Email = 1,
    /// <summary>A WeChat Work (企业微信) or DingTalk group robot of a community or a member unit.</summary>
    Robot = 2,
    Sms = 3,
}

/// <summary>
/// One message ready for one channel, its text already rendered in the recipient's language.
/// <see cref="DeliveryId"/> is the idempotency key: a channel that is handed the same id twice sends once where the
/// provider lets it say so.
/// </summary>
/// <param name="Address">An email address, a robot's webhook URL, or a mobile number.</param>
/// <param name="Secret">A robot's signing secret (DingTalk 加签), when it has one; never logged.</param>
/// <param name="Link">The absolute address of the record the message is about, if any.</param>
/// <param name="UnsubscribeLink">The absolute address that stops this kind of message without signing in (email).</param>
/// <param name="TemplateCode">The SMS provider's approved template, for SMS.</param>
/// <param name="TemplateParameters">The template's named parameters, for SMS.</param>
public sealed record OutgoingMessage(
    long DeliveryId,
    DeliveryChannel Channel,
    string Address,
    string? Secret,
    string Culture,
    string Subject,
    string Body,
    string? Link,
    string? UnsubscribeLink,
    string? TemplateCode = null,
    IReadOnlyDictionary<string, string>? TemplateParameters = null);

/// <summary>What a channel answered. A failure is retried with backoff unless it is <see cref="Permanent"/>.</summary>
public sealed record ChannelResult(bool Succeeded, string? Error, bool Permanent)
{
    public static ChannelResult Sent() => new(true, null, false);

    /// <summary>Failed for now (server down, timeout, 5xx, the provider's "try later"): retry.</summary>
    public static ChannelResult Failed(string error) => new(false, error, false);

    /// <summary>Refused for good (bad address, template rejected, robot removed): do not retry.</summary>
    public static ChannelResult Refused(string error) => new(false, error, true);
}

/// <summary>One way out. Implementations live in the web project (they need HTTP, SMTP and configuration).</summary>
public interface INotificationChannel
{
    DeliveryChannel Channel { get; }

    /// <summary>Sends one message. Never throws for a provider's failure: it answers <see cref="ChannelResult.Failed"/>.</summary>
    Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

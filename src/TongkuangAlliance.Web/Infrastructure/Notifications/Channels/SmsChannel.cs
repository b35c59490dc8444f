using System.Text.RegularExpressions;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

/// <summary>
/// Configuration of the SMS channel (section <c>Notifications:Sms</c>). The key id and secret come from environment
/// variables or user-secrets (<c>Notifications__Sms__AccessKeySecret</c>), never from a file in the repository:
/// appsettings.json carries the keys with empty values.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    public const string DefaultEndpoint = "https://dysmsapi.aliyuncs.com/";

    public string? AccessKeyId { get; set; }

    /// <summary>Never logged, never shown.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>The approved signature (短信签名) shown as 【…】 at the start of every message.</summary>
    public string? SignName { get; set; }

    public string Endpoint { get; set; } = DefaultEndpoint;

    public string RegionId { get; set; } = "cn-hangzhou";

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The approved template code (SMS_…) for each notification kind, by the kind's name.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the provider can be called at all: a key id, its secret, a signature and an absolute endpoint.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccessKeyId) && !string.IsNullOrWhiteSpace(AccessKeySecret)
        && !string.IsNullOrWhiteSpace(SignName) && Uri.TryCreate(Endpoint, UriKind.Absolute, out _);

    /// <summary>The template configured for <paramref name="kind"/>; null when that kind is not sent by SMS.</summary>
    public string? TemplateFor(NotificationKind kind) =>
        Templates.TryGetValue(kind.ToString(), out var code) && !string.IsNullOrWhiteSpace(code) ? code.Trim() : null;
}

/// <summary>One SMS to one mainland mobile number, by an approved template with its named parameters.</summary>
public sealed record SmsRequest(long DeliveryId, string PhoneNumber, string TemplateCode, IReadOnlyDictionary<string, string> TemplateParameters);

/// <summary>
/// An SMS provider's API. Chinese providers send only approved templates with parameters, never free text, so a
/// message reaches the provider as a template code and its parameters.
/// </summary>
public interface ISmsProvider
{
    /// <summary>Whether the provider has what it needs (keys, signature). When not, nothing is sent.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends one SMS. Answers, never throws, for the provider's failures.</summary>
    Task<ChannelResult> SendAsync(SmsRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The SMS channel (issue 17): residents who opted in are told their case number when the case is accepted,
/// resolved and closed. It checks what it can before calling the provider — the provider is configured, the number is
/// a mainland mobile number, the message names a template — and answers <see cref="ChannelResult.Refused"/> when not:
/// an unconfigured portal never pretends to have sent an SMS.
/// </summary>
public sealed partial class SmsChannel(ISmsProvider provider, ILogger<SmsChannel> logger) : INotificationChannel
{
    public const string NotConfigured = "SMS not configured";

    public DeliveryChannel Channel => DeliveryChannel.Sms;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var refusal = !provider.IsConfigured ? NotConfigured
            : NormalizePhone(message.Address) is null ? "Not a mainland China mobile number."
            : string.IsNullOrWhiteSpace(message.TemplateCode) ? "The message names no SMS template."
            : null;
        if (refusal is not null)
        {
            logger.LogWarning("SMS delivery {DeliveryId} to {Phone} refused: {Error}", message.DeliveryId, MaskPhone(message.Address), refusal);
            return ChannelResult.Refused(refusal);
        }
        var request = new SmsRequest(message.DeliveryId, NormalizePhone(message.Address)!, message.TemplateCode!.Trim(),
            message.TemplateParameters ?? new Dictionary<string, string>());
        var result = await provider.SendAsync(request, cancellationToken);
        if (result.Succeeded)
            logger.LogInformation("SMS delivery {DeliveryId} sent to {Phone}", message.DeliveryId, MaskPhone(request.PhoneNumber));
        else
            logger.LogWarning("SMS delivery {DeliveryId} to {Phone} {Outcome}: {Error}", message.DeliveryId, MaskPhone(request.PhoneNumber),
                result.Permanent ? "refused" : "failed", result.Error);
        return result;
    }

    /// <summary>An 11-digit mainland mobile number (1[3-9]…), with an optional +86 / 0086 / 86 prefix removed; null otherwise.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var digits = phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var prefix in new[] { "+86", "0086", "86" })
            if (digits.Length == 11 + prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal))
                digits = digits[prefix.Length..];
        return Mobile().IsMatch(digits) ? digits : null;
    }

    /// <summary>A number fit for a log: 138****5678.</summary>
    public static string MaskPhone(string? phone) =>
        phone is { Length: >= 7 } p ? p[..3] + "****" + p[^4..] : "***";

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();
}

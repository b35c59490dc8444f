using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Email;

/// <summary>
/// Email through SMTP with MailKit (issue 17). One connection is kept open and reused while messages flow; a
/// failure drops it and the next message connects afresh. In Development without a server, or when
/// <see cref="EmailOptions.PickupDirectory"/> is set, each message is written as an .eml file (App_Data/mail) that
/// a newcomer can open. Every message names its delivery (header X-Tongkuang-Delivery-Id and a Message-Id made
/// from it) and carries an unsubscribe link that works without signing in, also as List-Unsubscribe (RFC 2369; it opens the confirmation page).
/// </summary>
public sealed class SmtpEmailChannel(IOptions<EmailOptions> options, IHostEnvironment environment, MessageRenderer renderer) : INotificationChannel, IDisposable
{
    public const string DeliveryIdHeader = "X-Tongkuang-Delivery-Id";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public DeliveryChannel Channel => DeliveryChannel.Email;

    /// <summary>Where .eml files go, or null when messages go to the SMTP server.</summary>
    public string? PickupDirectory
    {
        get
        {
            var o = options.Value;
            var folder = o.PickupDirectory ?? (string.IsNullOrWhiteSpace(o.Host) && environment.IsDevelopment() ? Path.Combine("App_Data", "mail") : null);
            return folder is null ? null : Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder));
        }
    }

    public MimeMessage Compose(OutgoingMessage message)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Value.From));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        mail.Subject = message.Subject;
        mail.MessageId = $"delivery-{message.DeliveryId}@tongkuang.local";
        mail.Headers.Add(DeliveryIdHeader, message.DeliveryId.ToString(CultureInfo.InvariantCulture));
        var text = new System.Text.StringBuilder(message.Body).Append("\n\n");
        if (message.Link is not null) text.Append(renderer.Text(message.Culture, "Notification.Email.Open", message.Link)).Append('\n');
        if (message.UnsubscribeLink is not null)
        {
            mail.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.UnsubscribeLink}>");
            text.Append("\n--\n").Append(renderer.Text(message.Culture, "Notification.Email.Unsubscribe", message.UnsubscribeLink)).Append('\n');
        }
        mail.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text.ToString() };
        return mail;
    }

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        MimeMessage mail;
        try
        {
            mail = Compose(message);
        }
        catch (ParseException ex)
        {
            return ChannelResult.Refused("Invalid address: " + ex.Message);
        }
        if (PickupDirectory is { } folder)
        {
            Directory.CreateDirectory(folder);
            await mail.WriteToAsync(Path.Combine(folder, $"{message.DeliveryId}.eml"), cancellationToken);
            return ChannelResult.Sent();
        }
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host)) return ChannelResult.Failed("Email is not configured (Notifications:Email:Host).");

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedAsync(o, cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            return ChannelResult.Sent();
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            return ChannelResult.Refused($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or AuthenticationException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Drop();
            return ChannelResult.Failed($"SMTP {o.Host}:{o.Port}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(EmailOptions o, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open) return open;
        Drop();
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        _client = client;
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    public void Dispose()
    {
        Drop();
        _gate.Dispose();
    }
}

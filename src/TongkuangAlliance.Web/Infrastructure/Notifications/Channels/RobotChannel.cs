using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

/// <summary>Configuration of the group-robot channel (section <c>Notifications:Robots</c>).</summary>
public sealed class RobotOptions
{
    public const string Section = "Notifications:Robots";

    /// <summary>How long one webhook call may take before it counts as failed (and is retried later).</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// Posts a message to a community's or a unit's group robot (issue 17): a WeChat Work (企业微信) group robot or a
/// DingTalk (钉钉) custom robot, told apart by <see cref="RobotAddress.ServiceOf"/>.
/// <list type="bullet">
/// <item>WeChat Work: POST JSON <c>{"msgtype":"markdown","markdown":{"content":…}}</c> to the webhook; the answer is
/// <c>{"errcode":0,"errmsg":"ok"}</c>. Content at most 4096 bytes. Documented at
/// https://developer.work.weixin.qq.com/document/path/91770 (群机器人配置说明).</item>
/// <item>DingTalk: POST JSON <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>; with 加签 the URL gets
/// <c>&amp;timestamp=&lt;ms&gt;&amp;sign=&lt;urlencode(base64(HmacSHA256(key: secret, timestamp + "\n" + secret)))&gt;</c>.
/// Documented at https://open.dingtalk.com/document/robots/custom-robot-access and
/// https://open.dingtalk.com/document/robots/customize-robot-security-settings.</item>
/// </list>
/// Every failure is an answer, never an exception: HTTP errors, timeouts, network errors and the services' "try
/// later" codes are <see cref="ChannelResult.Failed"/> (retried); an address or robot that can never work is
/// <see cref="ChannelResult.Refused"/>. Only a cancellation asked for by the caller (shutdown) propagates.
/// The webhook key and the signing secret are never logged: addresses are masked (<see cref="Mask"/>).
/// <para>
/// Where requests go: only to an address that <see cref="RobotAddress"/> accepts (https, the two services' documented
/// endpoints), checked again here before every send. There is deliberately no setting that points this channel at
/// another host — such a switch would be one configuration mistake away from posting case titles to an arbitrary
/// server. Tests reach their local listener by adding a DelegatingHandler to the named client
/// <see cref="HttpClientName"/> in their own service collection; production code has no such handler.
/// </para>
/// </summary>
public sealed class RobotChannel(IHttpClientFactory clients, TimeProvider clock, ILogger<RobotChannel> logger) : INotificationChannel
{
    /// <summary>The named HttpClient this channel uses (its timeout comes from <see cref="RobotOptions"/>).</summary>
    public const string HttpClientName = "NotificationRobots";

    /// <summary>WeChat Work's documented limit of a markdown message's content, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 4096;

    // errcodes after which sending again cannot succeed until someone changes the robot or its address.
    // WeChat Work 93000: invalid webhook url (the key is wrong or the robot was removed).
    private static readonly HashSet<int> WeChatWorkPermanent = [93000];

    // DingTalk 310000: the robot's security check failed (sign not match, keyword not in content, IP not allowed);
    // 300001: the access token does not exist (the robot was removed); 400013: the group was dissolved.
    private static readonly HashSet<int> DingTalkPermanent = [310000, 300001, 400013];

    public DeliveryChannel Channel => DeliveryChannel.Robot;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var service = RobotAddress.ServiceOf(message.Address);
        if (service is null)
        {
            logger.LogWarning("Robot delivery {DeliveryId} refused: {Address} is not a WeChat Work or DingTalk robot address",
                message.DeliveryId, Mask(message.Address));
            return ChannelResult.Refused("Not a WeChat Work or DingTalk robot address.");
        }

        var address = message.Address.Trim();
        var (url, payload) = service == RobotService.WeChatWork
            ? (address, WeChatWorkPayload(message))
            : (SignDingTalk(address, message.Secret, clock.GetUtcNow()), DingTalkPayload(message));

        var result = await PostAsync(service.Value, url, payload, cancellationToken);
        if (result.Succeeded)
            logger.LogInformation("Robot delivery {DeliveryId} sent to {Service} {Address}", message.DeliveryId, service, Mask(address));
        else
            logger.LogWarning("Robot delivery {DeliveryId} to {Service} {Address} {Outcome}: {Error}",
                message.DeliveryId, service, Mask(address), result.Permanent ? "refused" : "failed", result.Error);
        return result;
    }

    private async Task<ChannelResult> PostAsync(RobotService service, string url, JsonObject payload, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(url, payload, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return ChannelResult.Failed($"{service} answered HTTP {(int)response.StatusCode}.");
            return Interpret(service, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed($"{service} did not answer within {client.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            // The message names the host at most (never the query with the key).
            return ChannelResult.Failed($"{service} could not be reached: {ex.HttpRequestError}.");
        }
    }

    /// <summary>Both services answer HTTP 200 with <c>{"errcode":…,"errmsg":…}</c>; errcode 0 is success.</summary>
    private static ChannelResult Interpret(RobotService service, string text)
    {
        int errcode;
        string? errmsg;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (!json.RootElement.TryGetProperty("errcode", out var code) || !code.TryGetInt32(out errcode))
                return ChannelResult.Failed($"{service} answered without an errcode.");
            errmsg = json.RootElement.TryGetProperty("errmsg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null;
        }
        catch (JsonException)
        {
            return ChannelResult.Failed($"{service} answered something that is not JSON.");
        }
        if (errcode == 0)
            return ChannelResult.Sent();
        var error = $"{service} errcode {errcode}: {errmsg}";
        var permanent = service == RobotService.WeChatWork ? WeChatWorkPermanent : DingTalkPermanent;
        return permanent.Contains(errcode) ? ChannelResult.Refused(error) : ChannelResult.Failed(error);
    }

    /// <summary>WeChat Work markdown: the subject in bold, the body, the link.</summary>
    internal static JsonObject WeChatWorkPayload(OutgoingMessage message) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = Content($"**{Plain(message.Subject)}**", message) },
    };

    /// <summary>DingTalk markdown: a title (shown in the conversation list) and the text.</summary>
    internal static JsonObject DingTalkPayload(OutgoingMessage message) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject
        {
            ["title"] = Truncate(Plain(message.Subject), 200),
            ["text"] = Content($"#### {Plain(message.Subject)}", message),
        },
    };

    private static string Content(string heading, OutgoingMessage message)
    {
        var link = message.Link is { Length: > 0 } l && Uri.TryCreate(l, UriKind.Absolute, out _) ? $"\n\n[{l}]({l})" : "";
        var head = heading + "\n\n";
        var room = MaxContentBytes - Encoding.UTF8.GetByteCount(head) - Encoding.UTF8.GetByteCount(link);
        return head + Truncate(Plain(message.Body), room) + link;
    }

    /// <summary>
    /// A case title or a comment is text, not markup: angle brackets (WeChat Work's &lt;@userid&gt; mentions and
    /// &lt;font&gt;) and square brackets (links) become their full-width look-alikes, so a resident's words cannot
    /// mention everyone in the group or turn into a link.
    /// </summary>
    internal static string Plain(string text) =>
        text.Replace('<', '＜').Replace('>', '＞').Replace('[', '［').Replace(']', '］');

    /// <summary>At most <paramref name="maxBytes"/> UTF-8 bytes, cut on a character boundary, "…" when cut.</summary>
    internal static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var budget = Math.Max(0, maxBytes - Encoding.UTF8.GetByteCount("…"));
        var length = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget)
                break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return text[..length] + "…";
    }

    /// <summary>
    /// DingTalk 加签: string to sign = timestamp (ms) + "\n" + secret; HmacSHA256 keyed with the secret, UTF-8;
    /// Base64; URL-encoded; appended as <c>&amp;timestamp=…&amp;sign=…</c>. Without a secret the URL is unchanged
    /// (a robot secured by keyword or IP instead).
    /// </summary>
    internal static string SignDingTalk(string address, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret))
            return address;
        var timestamp = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret));
        return $"{address}&timestamp={timestamp}&sign={Uri.EscapeDataString(Convert.ToBase64String(signature))}";
    }

    /// <summary>A robot address fit for a log: the key or access token cut to its first 4 characters.</summary>
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
            return "(none)";
        var query = address.IndexOf('?');
        if (query < 0)
            return address.Length > 60 ? address[..60] + "…" : address;
        var equals = address.IndexOf('=', query);
        if (equals < 0)
            return address[..query] + "?***";
        var key = address[(equals + 1)..];
        return address[..(equals + 1)] + (key.Length > 4 ? key[..4] : "") + "***";
    }
}

/// <summary>Registers the named HttpClient of <see cref="RobotChannel"/> with its timeout.</summary>
internal static class RobotHttpClient
{
    public static void Configure(IServiceProvider services, HttpClient client) =>
        client.Timeout = TimeSpan.FromSeconds(Math.Clamp(services.GetRequiredService<IOptions<RobotOptions>>().Value.TimeoutSeconds, 1, 120));
}

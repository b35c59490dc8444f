using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

namespace TongkuangAlliance.IntegrationTests.Notifications.Channels;

/// <summary>
/// Issue 17, group robots: the channel against a real local HTTP listener that checks what each service documents —
/// the JSON message, DingTalk's 加签 signature recomputed from the published algorithm with a test secret — and
/// answers as the service does: errcode 0, an error code, HTTP 500, or nothing at all.
/// </summary>
public sealed class RobotChannelTests : IAsyncLifetime
{
    private const string WeChatKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private const string WeChatAddress = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WeChatKey;
    private const string DingTalkToken = "a8b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1";
    private const string DingTalkAddress = "https://oapi.dingtalk.com/robot/send?access_token=" + DingTalkToken;
    private const string TestSecret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    private FakeProviderServer _server = null!;
    private ServiceProvider _services = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        _server = await FakeProviderServer.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:Robots:TimeoutSeconds"] = "1" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddNotificationChannels(configuration);
        services.AddHttpClient(RobotChannel.HttpClientName).AddHttpMessageHandler(() => new RedirectToListener(_server.BaseAddress));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private INotificationChannel Channel => _services.GetServices<INotificationChannel>().Single(c => c.Channel == DeliveryChannel.Robot);

    private static OutgoingMessage Message(string address, string? secret = null, string subject = "协议条款即将到期", string body = "更换4盏路灯，周五前完成。") =>
        new(42, DeliveryChannel.Robot, address, secret, "zh-CN", subject, body, "https://portal.example.cn/Terms/Details/7", null);

    private void AnswerAsWeChatWork(int errcode = 0, string errmsg = "ok") =>
        _server.Respond = (_, _) => Task.FromResult((200, $$"""{"errcode":{{errcode}},"errmsg":"{{errmsg}}"}"""));

    /// <summary>The listener as DingTalk: a signed robot accepts only a sign recomputed from timestamp + "\n" + secret.</summary>
    private void AnswerAsDingTalkWithSecret(string secret) => _server.Respond = (request, _) =>
    {
        if (!request.Query.TryGetValue("timestamp", out var timestamp) || !request.Query.TryGetValue("sign", out var sign))
            return Task.FromResult((200, """{"errcode":310000,"errmsg":"sign not match"}"""));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        return Task.FromResult(sign == expected && age.Duration() < TimeSpan.FromHours(1)
            ? (200, """{"errcode":0,"errmsg":"ok"}""")
            : (200, """{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}"""));
    };

    [Fact]
    public async Task A_WeChat_Work_robot_gets_the_documented_markdown_message()
    {
        AnswerAsWeChatWork();

        var result = await Channel.SendAsync(Message(WeChatAddress, subject: "<@all> 新案件 [点此](http://evil.example)"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("qyapi.weixin.qq.com", request.OriginalHost);
        Assert.Equal("/cgi-bin/webhook/send", request.Path);
        Assert.Equal(WeChatKey, request.Query["key"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
        var content = json.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        // The subject in bold, the body, the link; a resident's words stay text (no @all, no link of theirs).
        Assert.StartsWith("**＜@all＞ 新案件 ［点此］(http://evil.example)**", content, StringComparison.Ordinal);
        Assert.Contains("更换4盏路灯，周五前完成。", content, StringComparison.Ordinal);
        Assert.Contains("[https://portal.example.cn/Terms/Details/7](https://portal.example.cn/Terms/Details/7)", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@all>", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_message_is_cut_to_the_documented_4096_bytes()
    {
        AnswerAsWeChatWork();

        await Channel.SendAsync(Message(WeChatAddress, body: new string('铜', 3000)), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(_server.Received).Body);
        var content = json.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 3000, RobotChannel.MaxContentBytes);
        Assert.EndsWith("(https://portal.example.cn/Terms/Details/7)", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_WeChat_Work_webhook_key_is_refused_for_good()
    {
        AnswerAsWeChatWork(93000, "invalid webhook url, hint: [1733300000_1_abc]");

        var result = await Channel.SendAsync(Message(WeChatAddress), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("93000", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45009, "api freq out of limit")]
    [InlineData(-1, "system busy")]
    public async Task A_WeChat_Work_try_later_error_is_retried(int errcode, string errmsg)
    {
        AnswerAsWeChatWork(errcode, errmsg);

        var result = await Channel.SendAsync(Message(WeChatAddress), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains(errcode.ToString(CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.Contains(errmsg, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_DingTalk_robot_gets_the_markdown_message_with_the_published_signature()
    {
        AnswerAsDingTalkWithSecret(TestSecret);

        var result = await Channel.SendAsync(Message(DingTalkAddress, TestSecret), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_server.Received);
        Assert.Equal("oapi.dingtalk.com", request.OriginalHost);
        Assert.Equal("/robot/send", request.Path);
        Assert.Equal(DingTalkToken, request.Query["access_token"]);
        Assert.Matches("^[0-9]{13}$", request.Query["timestamp"]);
        // The Base64 signature travels URL-encoded: no raw '+', '/' or '=' in the query string.
        var rawSign = request.RawQuery[(request.RawQuery.IndexOf("&sign=", StringComparison.Ordinal) + 6)..];
        Assert.DoesNotMatch("[+/=]", rawSign);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
        var markdown = json.RootElement.GetProperty("markdown");
        Assert.Equal("协议条款即将到期", markdown.GetProperty("title").GetString());
        var text = markdown.GetProperty("text").GetString()!;
        Assert.Contains("协议条款即将到期", text, StringComparison.Ordinal);
        Assert.Contains("更换4盏路灯，周五前完成。", text, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.cn/Terms/Details/7", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DingTalk_robot_signed_with_the_wrong_secret_answers_310000_and_is_refused()
    {
        AnswerAsDingTalkWithSecret(TestSecret);

        var result = await Channel.SendAsync(Message(DingTalkAddress, "SECnot-the-robots-secret"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("310000", result.Error, StringComparison.Ordinal);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task A_DingTalk_robot_without_a_secret_is_posted_unsigned()
    {
        _server.Respond = (_, _) => Task.FromResult((200, """{"errcode":0,"errmsg":"ok"}"""));

        var result = await Channel.SendAsync(Message(DingTalkAddress), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_server.Received);
        Assert.Equal("access_token", Assert.Single(request.Query.Keys));
    }

    [Theory]
    [InlineData(WeChatAddress)]
    [InlineData(DingTalkAddress)]
    public async Task A_webhook_answering_500_is_retried(string address)
    {
        _server.Respond = (_, _) => Task.FromResult((500, "oops"));

        var result = await Channel.SendAsync(Message(address, address == DingTalkAddress ? TestSecret : null), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_does_not_answer_in_time_is_retried()
    {
        _server.Respond = async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return (200, """{"errcode":0,"errmsg":"ok"}""");
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await Channel.SendAsync(Message(WeChatAddress), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task A_webhook_that_cannot_be_reached_is_retried()
    {
        await _server.DisposeAsync();
        _server = await FakeProviderServer.StartAsync(); // keeps DisposeAsync working; this one is not the target
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotificationChannels(new ConfigurationBuilder().Build());
        // A port nothing listens on: the channel's connection is refused.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        services.AddHttpClient(RobotChannel.HttpClientName).AddHttpMessageHandler(() => new RedirectToListener(new Uri($"http://127.0.0.1:{closedPort}/")));
        await using var provider = services.BuildServiceProvider();
        var channel = provider.GetServices<INotificationChannel>().Single(c => c.Channel == DeliveryChannel.Robot);

        var result = await channel.SendAsync(Message(WeChatAddress), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
    }

    [Theory]
    [InlineData("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WeChatKey)]
    [InlineData("https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=" + WeChatKey)]
    [InlineData("https://127.0.0.1/robot/send?access_token=" + DingTalkToken)]
    [InlineData("")]
    public async Task An_address_that_is_not_a_documented_robot_endpoint_is_refused_without_a_request(string address)
    {
        AnswerAsWeChatWork();

        var result = await Channel.SendAsync(Message(address), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Neither_the_webhook_key_nor_the_signing_secret_reaches_the_log()
    {
        AnswerAsWeChatWork(45009, "api freq out of limit");
        await Channel.SendAsync(Message(WeChatAddress), CancellationToken.None);
        AnswerAsDingTalkWithSecret(TestSecret);
        await Channel.SendAsync(Message(DingTalkAddress, TestSecret), CancellationToken.None);
        await Channel.SendAsync(Message(DingTalkAddress, "SECnot-the-robots-secret"), CancellationToken.None);

        var log = string.Join("\n", _logs.Lines);
        Assert.Contains("qyapi.weixin.qq.com", log, StringComparison.Ordinal);
        Assert.Contains("oapi.dingtalk.com", log, StringComparison.Ordinal);
        Assert.DoesNotContain(WeChatKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(DingTalkToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("SECnot-the-robots-secret", log, StringComparison.Ordinal);
        Assert.DoesNotContain("sign=", log, StringComparison.Ordinal);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

namespace TongkuangAlliance.IntegrationTests.Notifications.Channels;

/// <summary>
/// Issue 17, SMS: the channel and its Alibaba Cloud adapter against a real local HTTP listener that acts as
/// dysmsapi: it reads the posted form, checks the documented SendSms parameters, recomputes the RPC signature
/// (HMAC-SHA1 over "POST&amp;%2F&amp;" + the percent-encoded sorted query, key = secret + "&amp;") with a test
/// AccessKeySecret, and answers as the provider documents.
/// </summary>
public sealed class SmsChannelTests : IAsyncLifetime
{
    private const string KeyId = "LTAI-test-key-id";
    private const string TestSecret = "test-access-key-secret-0123456789";
    private const string SignName = "铜矿街道";

    private FakeProviderServer _server = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync() => _server = await FakeProviderServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ServiceProvider Services(bool configured = true, string secret = TestSecret)
    {
        var settings = new Dictionary<string, string?> { ["Notifications:Sms:TimeoutSeconds"] = "1" };
        if (configured)
        {
            settings["Notifications:Sms:AccessKeyId"] = KeyId;
            settings["Notifications:Sms:AccessKeySecret"] = secret;
            settings["Notifications:Sms:SignName"] = SignName;
            settings["Notifications:Sms:Endpoint"] = _server.BaseAddress.ToString();
            settings["Notifications:Sms:Templates:CaseNew"] = "SMS_123456789";
        }
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddNotificationChannels(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static INotificationChannel Sms(IServiceProvider services) =>
        services.GetServices<INotificationChannel>().Single(c => c.Channel == DeliveryChannel.Sms);

    private static OutgoingMessage Message(string phone = "13812345678", string? template = "SMS_123456789") =>
        new(77, DeliveryChannel.Sms, phone, null, "zh-CN", "案件已受理", "您的诉求已受理", null, null, template,
            new Dictionary<string, string> { ["number"] = "TK-2026-0042", ["status"] = "已受理 & 处理中" });

    // RFC 3986 percent-encoding written out here on purpose, not borrowed from the code under test.
    private static string PercentEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>What dysmsapi does with a request: the signature recomputed from the received parameters.</summary>
    private static string ExpectedSignature(IReadOnlyDictionary<string, string> form, string secret)
    {
        var canonical = string.Join('&', form.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        var stringToSign = "POST&" + PercentEncode("/") + "&" + PercentEncode(canonical);
#pragma warning disable CA5350 // the provider's documented algorithm
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
#pragma warning restore CA5350
    }

    private static Dictionary<string, string> Form(ReceivedRequest request) =>
        QueryHelpers.ParseQuery(request.Body).ToDictionary(p => p.Key, p => p.Value.ToString());

    private void AnswerAsAliyun(string secret = TestSecret) => _server.Respond = (request, _) =>
    {
        var form = Form(request);
        return Task.FromResult(form.TryGetValue("Signature", out var signature) && signature == ExpectedSignature(form, secret)
            ? (200, """{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"900619746936498440^0"}""")
            : (400, """{"Message":"Specified signature is not matched with our calculation.","RequestId":"8906582E-6722","Code":"SignatureDoesNotMatch"}"""));
    };

    private void AnswerCode(string code, int status = 200) =>
        _server.Respond = (_, _) => Task.FromResult((status, $$"""{"Message":"{{code}} message","RequestId":"R-1","Code":"{{code}}"}"""));

    [Fact]
    public async Task A_text_goes_to_Aliyun_as_a_documented_SendSms_request_with_a_signature_the_provider_recomputes()
    {
        AnswerAsAliyun();
        await using var services = Services();

        var result = await Sms(services).SendAsync(Message("+86 138-1234-5678"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        var form = Form(request);
        Assert.Equal("SendSms", form["Action"]);
        Assert.Equal("2017-05-25", form["Version"]);
        Assert.Equal("JSON", form["Format"]);
        Assert.Equal("cn-hangzhou", form["RegionId"]);
        Assert.Equal("HMAC-SHA1", form["SignatureMethod"]);
        Assert.Equal("1.0", form["SignatureVersion"]);
        Assert.Equal(KeyId, form["AccessKeyId"]);
        Assert.Equal("13812345678", form["PhoneNumbers"]);
        Assert.Equal(SignName, form["SignName"]);
        Assert.Equal("SMS_123456789", form["TemplateCode"]);
        Assert.Equal("77", form["OutId"]);
        Assert.False(string.IsNullOrEmpty(form["SignatureNonce"]));
        var timestamp = DateTime.ParseExact(form["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(timestamp, DateTime.UtcNow.AddMinutes(-15), DateTime.UtcNow.AddMinutes(1));
        using var parameters = JsonDocument.Parse(form["TemplateParam"]);
        Assert.Equal("TK-2026-0042", parameters.RootElement.GetProperty("number").GetString());
        Assert.Equal("已受理 & 处理中", parameters.RootElement.GetProperty("status").GetString());
        Assert.Equal(ExpectedSignature(form, TestSecret), form["Signature"]);
        Assert.DoesNotContain(TestSecret, request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_request_has_its_own_nonce()
    {
        AnswerAsAliyun();
        await using var services = Services();

        await Sms(services).SendAsync(Message(), CancellationToken.None);
        await Sms(services).SendAsync(Message(), CancellationToken.None);

        var nonces = _server.Received.Select(r => Form(r)["SignatureNonce"]).ToList();
        Assert.Equal(2, nonces.Distinct().Count());
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_by_the_provider_and_not_retried()
    {
        AnswerAsAliyun(TestSecret);
        await using var services = Services(secret: "not-the-secret-the-provider-knows");

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("SignatureDoesNotMatch", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("isv.MOBILE_NUMBER_ILLEGAL")]
    [InlineData("isv.SMS_TEMPLATE_ILLEGAL")]
    [InlineData("isv.SMS_SIGNATURE_ILLEGAL")]
    public async Task A_bad_number_template_or_signature_is_refused_for_good(string code)
    {
        AnswerCode(code);
        await using var services = Services();

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains(code, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", 200)]
    [InlineData("Throttling.User", 400)]
    [InlineData("isv.AMOUNT_NOT_ENOUGH", 200)]
    [InlineData("InternalError", 500)]
    public async Task Throttling_and_the_providers_own_trouble_are_retried(string code, int status)
    {
        AnswerCode(code, status);
        await using var services = Services();

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains(code, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_without_a_body_is_retried()
    {
        _server.Respond = (_, _) => Task.FromResult((500, "<html>bad gateway</html>"));
        await using var services = Services();

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_retried()
    {
        _server.Respond = async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return (200, """{"Code":"OK"}""");
        };
        await using var services = Services();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Without_keys_the_channel_is_registered_but_answers_not_configured_and_sends_nothing()
    {
        AnswerAsAliyun();
        await using var services = Services(configured: false);

        var result = await Sms(services).SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Equal(SmsChannel.NotConfigured, result.Error);
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData("12345678901", "SMS_123456789")]
    [InlineData("010-12345678", "SMS_123456789")]
    [InlineData("13812345678", null)]
    public async Task A_number_that_is_not_a_mainland_mobile_or_a_message_without_template_is_refused_before_the_provider(string phone, string? template)
    {
        AnswerAsAliyun();
        await using var services = Services();

        var result = await Sms(services).SendAsync(Message(phone, template), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Templates_are_configured_per_kind()
    {
        await using var services = Services();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value;

        Assert.Equal("SMS_123456789", options.TemplateFor(NotificationKind.CaseNew));
        Assert.Null(options.TemplateFor(NotificationKind.CaseEscalated));
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_full_phone_number_reaches_the_log()
    {
        AnswerCode("isv.BUSINESS_LIMIT_CONTROL");
        await using var services = Services();

        await Sms(services).SendAsync(Message(), CancellationToken.None);

        var log = string.Join("\n", _logs.Lines);
        Assert.Contains("138****5678", log, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", log, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecret, log, StringComparison.Ordinal);
    }
}

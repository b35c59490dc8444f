using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

/// <summary>
/// Alibaba Cloud SMS (阿里云短信服务, dysmsapi, API version 2017-05-25), action SendSms: PhoneNumbers, SignName,
/// TemplateCode and TemplateParam (a JSON object of the template's variables), plus OutId (our delivery id, echoed in
/// the provider's receipts).
/// <para>
/// Signed with the classic RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as documented in
/// 短信服务 › 签名机制, https://www.alibabacloud.com/help/zh/doc-detail/252839.htm (also
/// https://help.aliyun.com/document_detail/101343.html):
/// 1. every parameter but Signature, sorted by name; names and values percent-encoded per RFC 3986 (A–Z a–z 0–9
///    - _ . ~ kept, space as %20, UTF-8 bytes as %XY) and joined as name=value&amp;…: the canonicalized query string;
/// 2. StringToSign = "POST" + "&amp;" + percentEncode("/") + "&amp;" + percentEncode(canonicalized query string);
/// 3. Signature = Base64(HMAC-SHA1(key: AccessKeySecret + "&amp;", StringToSign)), sent as one more parameter.
/// Common parameters: AccessKeyId, Action, Format=JSON, RegionId, SignatureMethod, SignatureNonce (unique per call),
/// SignatureVersion, Timestamp (ISO 8601 UTC, yyyy-MM-ddTHH:mm:ssZ), Version.
/// </para>
/// The answer is JSON: <c>{"Code":"OK","Message":"OK","BizId":…,"RequestId":…}</c> on success; an error code
/// otherwise (also with HTTP 4xx for signature and key errors).
/// </summary>
public sealed class AliyunSmsProvider(IHttpClientFactory clients, IOptions<SmsOptions> options, TimeProvider clock) : ISmsProvider
{
    public const string HttpClientName = "NotificationSms";

    public const string ApiVersion = "2017-05-25";

    // Codes that mean "this request will never succeed as it is": the number, the template, the signature or the keys
    // are wrong. Everything else that is not OK (throttling, the account's balance, the provider's own trouble) is retried.
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "isv.MOBILE_NUMBER_ILLEGAL",
        "isv.SMS_TEMPLATE_ILLEGAL",
        "isv.SMS_SIGNATURE_ILLEGAL",
        "isv.TEMPLATE_MISSING_PARAMETERS",
        "isv.TEMPLATE_PARAMS_ILLEGAL",
        "isv.INVALID_PARAMETERS",
        "isv.INVALID_JSON_PARAM",
        "isv.BLACK_KEY_CONTROL_LIMIT",
        "isv.PARAM_LENGTH_LIMIT",
        "isv.MOBILE_COUNT_OVER_LIMIT",
        "SignatureDoesNotMatch",
        "InvalidAccessKeyId.NotFound",
        "InvalidAccessKeyId.Inactive",
    };

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<ChannelResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
            return ChannelResult.Refused(SmsChannel.NotConfigured);

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = settings.AccessKeyId!.Trim(),
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = request.DeliveryId.ToString(CultureInfo.InvariantCulture),
            ["PhoneNumbers"] = request.PhoneNumber,
            ["RegionId"] = settings.RegionId,
            ["SignName"] = settings.SignName!.Trim(),
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = request.TemplateCode,
            ["TemplateParam"] = JsonSerializer.Serialize(request.TemplateParameters),
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = ApiVersion,
        };
        var canonical = Canonicalize(parameters);
        var body = "Signature=" + PercentEncode(Sign("POST", canonical, settings.AccessKeySecret!)) + "&" + canonical;

        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            using var response = await client.PostAsync(new Uri(settings.Endpoint), content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Interpret((int)response.StatusCode, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed($"Aliyun SMS did not answer within {client.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return ChannelResult.Failed($"Aliyun SMS could not be reached: {ex.HttpRequestError}.");
        }
    }

    private static ChannelResult Interpret(int status, string text)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = json.RootElement.TryGetProperty("Code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                message = json.RootElement.TryGetProperty("Message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
        }
        if (code is null)
            return ChannelResult.Failed($"Aliyun SMS answered HTTP {status} without a code.");
        if (code == "OK" && status is >= 200 and < 300)
            return ChannelResult.Sent();
        var error = $"Aliyun SMS {code}: {message}";
        return Permanent.Contains(code) && status < 500 ? ChannelResult.Refused(error) : ChannelResult.Failed(error);
    }

    /// <summary>The canonicalized query string: sorted (ordinal) name=value pairs, both percent-encoded, joined by &amp;.</summary>
    internal static string Canonicalize(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    /// <summary>Base64(HMAC-SHA1(secret + "&amp;", method + "&amp;%2F&amp;" + percentEncode(canonical))).</summary>
    internal static string Sign(string method, string canonicalQuery, string accessKeySecret)
    {
        var stringToSign = method + "&" + PercentEncode("/") + "&" + PercentEncode(canonicalQuery);
        // HMAC-SHA1 is what SignatureMethod HMAC-SHA1 / SignatureVersion 1.0 prescribes; the provider checks exactly this.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 (Uri.EscapeDataString keeps exactly A–Z a–z 0–9 - _ . ~; space is %20).</summary>
    internal static string PercentEncode(string value) => Uri.EscapeDataString(value);
}

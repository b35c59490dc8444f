namespace TongkuangAlliance.Core.Notifications.Delivery;

public enum RobotService
{
    /// <summary>企业微信群机器人: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</summary>
    WeChatWork = 1,
    /// <summary>钉钉自定义机器人: https://oapi.dingtalk.com/robot/send?access_token=…</summary>
    DingTalk = 2,
}

/// <summary>
/// A group robot's webhook address, as a community or a unit enters it. Only the two services' documented robot
/// endpoints are accepted, over https, with their key in the query: the portal posts case titles there, so an
/// address that points anywhere else (an internal host, a look-alike domain) is refused when it is saved.
/// </summary>
public static class RobotAddress
{
    private static readonly (RobotService Service, string Host, string Path, string KeyParameter)[] Endpoints =
    [
        (RobotService.WeChatWork, "qyapi.weixin.qq.com", "/cgi-bin/webhook/send", "key"),
        (RobotService.DingTalk, "oapi.dingtalk.com", "/robot/send", "access_token"),
    ];

    public const int MaxLength = 500;

    /// <summary>Which service <paramref name="address"/> belongs to; null when it is not a valid robot address.</summary>
    public static RobotService? ServiceOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > MaxLength)
            return null;
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri))
            return null;
        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            return null;
        foreach (var (service, host, path, keyParameter) in Endpoints)
        {
            if (!string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath != path)
                continue;
            var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
            if (query.Length == 1 && query[0].StartsWith(keyParameter + "=", StringComparison.Ordinal)
                && IsToken(query[0][(keyParameter.Length + 1)..]))
                return service;
        }
        return null;
    }

    public static bool IsValid(string? address) => ServiceOf(address) is not null;

    // Keys and access tokens are letters, digits and dashes; anything else (another parameter smuggled in) is refused.
    private static bool IsToken(string value) =>
        value.Length is >= 8 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}

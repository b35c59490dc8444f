using Microsoft.AspNetCore.DataProtection;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>
/// The delivery side's uses of ASP.NET Core Data Protection (keys in the shared database, so every instance reads
/// what another wrote): a robot's signing secret is stored protected, and an unsubscribe link carries a protected
/// (user, kind) that needs no sign-in and cannot be forged or altered.
/// </summary>
public sealed class NotificationSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _robot = provider.CreateProtector("TongkuangAlliance.Notifications.RobotSecret.v1");
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("TongkuangAlliance.Notifications.Unsubscribe.v1");

    public string ProtectRobotSecret(string secret) => _robot.Protect(secret);

    /// <summary>The secret, or null when none is stored or it cannot be read (keys lost): the post goes unsigned and the robot refuses it.</summary>
    public string? UnprotectRobotSecret(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return _robot.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string UnsubscribeToken(string userId, NotificationKind kind) =>
        _unsubscribe.Protect(userId + "\n" + ((int)kind).ToString(CultureInfo.InvariantCulture));

    /// <summary>The (user, kind) a token stands for; null for anything forged, altered or cut.</summary>
    public (string UserId, NotificationKind Kind)? ReadUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var parts = _unsubscribe.Unprotect(token).Split('\n');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((NotificationKind)kind))
                return (parts[0], (NotificationKind)kind);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
        catch (FormatException)
        {
        }
        return null;
    }
}

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Email;

/// <summary>Configuration section "Notifications:Email": the SMTP server the portal sends through (README, "Email").</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";
    public string? User { get; set; }

    /// <summary>From user secrets or the environment (Notifications__Email__Password), never the repository.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, "铜矿街道党建联盟 &lt;noreply@example.cn&gt;".</summary>
    public string From { get; set; } = "铜矿街道党建联盟 <noreply@tongkuang.local>";

    /// <summary>When set, messages are written as .eml files into this folder instead (Development: App_Data/mail).</summary>
    public string? PickupDirectory { get; set; }

    public int TimeoutSeconds { get; set; } = 15;
}

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>Configuration section "Notifications" (issue 17): where links point, and how the dispatcher polls.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications";

    /// <summary>The portal's public address, for the links in messages (https://portal.example.cn).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Whether this instance runs the background dispatcher (every instance may: they share the work safely).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How long the dispatcher sleeps when it found nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due deliveries one claim takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds its deliveries; an instance that dies mid-batch frees them after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

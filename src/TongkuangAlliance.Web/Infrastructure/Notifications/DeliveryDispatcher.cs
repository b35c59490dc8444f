using Microsoft.Extensions.Options;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>
/// The background dispatcher (ADR 0012): polls for due deliveries and hands them to a <see cref="DeliveryProcessor"/>
/// in a scope of its own. Every app instance may run one; the claims keep them from sending a message twice. It runs
/// apart from requests: a channel that is down slows no page and fails no change.
/// </summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, ILogger<DeliveryDispatcher> log) : BackgroundService
{
    /// <summary>This instance's name on the rows it claims.</summary>
    public string Owner { get; } = NewOwner();

    /// <summary>A name unique to one dispatcher: machine, process and a random part (at most 100 characters).</summary>
    public static string NewOwner()
    {
        var machine = Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName;
        return $"{machine}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().RunOnceAsync(Owner, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The notification dispatcher failed a round; it tries again");
            }
            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

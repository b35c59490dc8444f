using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>
/// ADR 0013: with the scheduler on (SQLite: the RAM store), the app's scheduler starts with one cron trigger per line
/// of NotificationRules.Schedules, in China time — the weekly digest next fires on a Monday at 08:00 China time.
/// </summary>
public sealed class SchedulerSetupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_scheduler_runs_every_rule_on_its_cron_in_china_time()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" })));
        using var client = app.CreateClient(); // starts the host and its hosted services
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The hosted service starts it once the application has started.
        for (var i = 0; i < 50 && scheduler.Status != SchedulerStatus.Running; i++) await Task.Delay(100);
        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        foreach (var (job, cron, _) in NotificationRules.Schedules)
        {
            var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(job + "-trigger", "notifications")));
            Assert.Equal(cron, trigger.CronExpressionString);
            Assert.Equal(TimeSpan.FromHours(8), trigger.TimeZone.BaseUtcOffset);
        }
        var weekly = await scheduler.GetTrigger(new TriggerKey("weekly-digest-trigger", "notifications"));
        var next = weekly!.NextFireTimeUtc!.Value.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(DayOfWeek.Monday, next.DayOfWeek);
        Assert.Equal(new TimeSpan(8, 0, 0), next.TimeOfDay);
    }
}

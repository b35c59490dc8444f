using Quartz;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.Web.Infrastructure.Scheduling;

/// <summary>Settings of the scheduler (section "Scheduler").</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>False: no scheduler runs (the tests, which call <see cref="ScheduledRules"/> directly with their own clock).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Quartz.NET for the time-based rules (ADR 0013). On PostgreSQL and SQL Server the job store is the portal's own
/// database, clustered: every instance runs a scheduler, and the store's row locks let exactly one of them fire each
/// trigger. The QRTZ_ tables are Quartz's own, created at startup by Quartz from the script it ships for the provider
/// (schema provisioning: creates what is missing, never alters or drops). On SQLite — one instance by definition — the
/// store is in memory. Either way every job is idempotent (<see cref="ScheduledReminder"/>), so a double fire, a
/// misfire replayed after a restart or a second instance writes nothing twice. Schedules are China time.
/// </summary>
public static class SchedulerSetup
{
    /// <summary>China Standard Time: IANA id first (Linux), Windows id as a fallback; a fixed UTC+8 zone if neither is installed.</summary>
    public static TimeZoneInfo ChinaZone { get; } = FindChinaZone();

    /// <remarks>
    /// The store is chosen from the configuration the host starts with (files and environment: where a deployment
    /// names its database). Whether the scheduler starts at all is read when the host starts, so a test host's own
    /// settings (Scheduler:Enabled=false) apply: the scheduler is then built but never started.
    /// </remarks>
    public static IServiceCollection AddPortalScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ScheduledRules>();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default") ?? "";
        services.AddQuartz(q =>
        {
            switch (database.Provider)
            {
                case DatabaseProvider.PostgreSQL:
                    q.UsePersistentStore(s =>
                    {
                        s.UsePostgres(connectionString);
                        s.UseClustering();
                        s.ProvisionSchema();
                    });
                    break;
                case DatabaseProvider.SqlServer:
                    q.UsePersistentStore(s =>
                    {
                        s.UseSqlServer(connectionString);
                        s.UseClustering();
                        s.ProvisionSchema();
                    });
                    break;
                default:
                    q.UseInMemoryStore(); // SQLite: one instance, nothing to share
                    break;
            }
            foreach (var (job, type) in Jobs) Schedule(q, job, type);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddOptions<QuartzHostedServiceOptions>().Configure<IConfiguration>((o, config) =>
            o.AutoStart = config.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>()?.Enabled ?? true);
        return services;
    }

    /// <summary>The job class of each line of <see cref="NotificationRules.Schedules"/>.</summary>
    private static readonly (string Name, Type Type)[] Jobs =
    [
        ("due-and-overdue", typeof(DueAndOverdueJob)),
        ("case-deadlines", typeof(CaseDeadlinesJob)),
        ("day-before", typeof(DayBeforeJob)),
        ("weekly-digest", typeof(WeeklyDigestJob)),
        ("monthly-summary", typeof(MonthlySummaryJob)),
    ];

    /// <summary>Schedules a job on its line of <see cref="NotificationRules.Schedules"/>, in China time.</summary>
    private static void Schedule(IQuartzBuilder q, string name, Type type)
    {
        var cron = NotificationRules.Schedules.Single(s => s.Job == name).Cron;
        var job = new JobKey(name, "notifications");
        q.AddJob(type, j => j.WithIdentity(name, "notifications").StoreDurably());
        q.AddTrigger(t => t.ForJob(job).WithIdentity(name + "-trigger", "notifications")
            .WithCronSchedule(cron, c => c.InTimeZone(ChinaZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    private static TimeZoneInfo FindChinaZone()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        }
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", ChinaTime.Offset, "China Standard Time", "China Standard Time");
    }
}

/// <summary>A Quartz job that runs one method of <see cref="ScheduledRules"/> in a scope of its own.</summary>
[DisallowConcurrentExecution]
public abstract class RulesJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider.GetRequiredService<ScheduledRules>(), cancellationToken);
    }

    protected abstract Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken);
}

public sealed class DueAndOverdueJob(IServiceScopeFactory scopes) : RulesJob(scopes)
{
    protected override Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken) => rules.DueAndOverdueAsync(cancellationToken);
}

public sealed class CaseDeadlinesJob(IServiceScopeFactory scopes) : RulesJob(scopes)
{
    protected override Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken) => rules.CaseDeadlinesAsync(cancellationToken);
}

public sealed class DayBeforeJob(IServiceScopeFactory scopes) : RulesJob(scopes)
{
    protected override Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken) => rules.DayBeforeAsync(cancellationToken);
}

public sealed class WeeklyDigestJob(IServiceScopeFactory scopes) : RulesJob(scopes)
{
    protected override Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken) => rules.WeeklyDigestAsync(cancellationToken);
}

public sealed class MonthlySummaryJob(IServiceScopeFactory scopes) : RulesJob(scopes)
{
    protected override Task<int> RunAsync(ScheduledRules rules, CancellationToken cancellationToken) => rules.MonthlyUnitSummaryAsync(cancellationToken);
}

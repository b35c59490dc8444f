using Microsoft.Extensions.Options;
using TongkuangAlliance.Web.Infrastructure.DemoData;

namespace TongkuangAlliance.Web.Infrastructure.Database;

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates when configured to (the embedded default does; server databases are migrated by an explicit
    /// step) and seeds the Tongkuang demo when demo data is on. Both are idempotent.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var db = services.GetRequiredService<AppDbContext>();

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var serverInProduction = database.Provider != DatabaseProvider.Sqlite && app.Environment.IsProduction();
        if (database.MigrateOnStartup && serverInProduction)
            logger.LogWarning("Database:MigrateOnStartup is ignored for {Provider} in Production: run the migrate command", database.Provider);
        else if (database.MigrateOnStartup)
            await db.Database.MigrateAsync();

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
            throw new DatabaseNotReadyException(
                $"The {database.Provider} database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). " +
                "Run `dotnet TongkuangAlliance.Web.dll migrate` (or the migration bundle) first; see docs/operations.md.");

        await EnsureReferenceDataAsync(db);

        if (demo.EnabledFor(database.Provider))
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>
    /// What every deployment starts with, demo or not: the default case categories and service-day services
    /// (理发, 家电维修, …). Idempotent: each list is filled only when it is empty.
    /// </summary>
    public static async Task EnsureReferenceDataAsync(AppDbContext db)
    {
        await TongkuangAlliance.Core.Cases.CaseQueries.EnsureDefaultCategoriesAsync(db);
        await TongkuangAlliance.Core.Activities.ActivityQueries.EnsureDefaultServiceKindsAsync(db);
    }
}

/// <summary>The schema is behind the app: the operator must run the migrate step (the app does not start).</summary>
public sealed class DatabaseNotReadyException(string message) : Exception(message);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Data;
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

        if (database.MigrateOnStartup)
            await db.Database.MigrateAsync();

        // Every deployment starts with the default case categories (idempotent: only when there are none).
        await TongkuangAlliance.Core.Cases.CaseQueries.EnsureDefaultCategoriesAsync(db);
        // …and the default service-day services (理发, 家电维修, …).
        await TongkuangAlliance.Core.Activities.ActivityQueries.EnsureDefaultServiceKindsAsync(db);

        if (demo.Enabled)
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}

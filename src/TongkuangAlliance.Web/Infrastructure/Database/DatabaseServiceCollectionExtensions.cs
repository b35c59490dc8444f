using Microsoft.Data.Sqlite;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "TongkuangAlliance.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "TongkuangAlliance.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "TongkuangAlliance.Migrations.PostgreSQL";

    /// <summary>The switch that turns the writing of notifications off (default on).</summary>
    public const string NotificationsEnabledKey = "Notifications:Enabled";

    /// <summary>Registers <see cref="AppDbContext"/> on the provider named by configuration, with the audit interceptor and the notification writer.</summary>
    /// <remarks>
    /// Configuration is read when the first context is built, not at registration: sources added later
    /// (environment, test hosts) must win.
    /// </remarks>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddScoped<TongkuangAlliance.Core.Notifications.NotificationWriter>();
        services.AddDbContext<AppDbContext>((provider, db) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var connectionString = configuration.GetConnectionString("Default")
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            switch (options.Provider)
            {
                case DatabaseProvider.Sqlite:
                    db.UseSqlite(ResolveSqlitePath(connectionString, contentRoot), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                    break;
                case DatabaseProvider.SqlServer:
                    db.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                    break;
                case DatabaseProvider.PostgreSQL:
                    db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
            }
            // The notification writer after the audit: the audit's own second save (keys of new rows) then runs
            // inside the transaction the writer holds open until the notifications are written (ADR 0012).
            // Notifications:Enabled=false (default true) leaves the writer out: changes are saved and audited, and no
            // notification is written — for measuring what notifications cost (docs/performance.md) or for a
            // deployment that does not want them.
            if (configuration.GetValue(NotificationsEnabledKey, true))
                db.AddInterceptors(provider.GetRequiredService<AuditSaveChangesInterceptor>(), provider.GetRequiredService<TongkuangAlliance.Core.Notifications.NotificationWriter>());
            else
                db.AddInterceptors(provider.GetRequiredService<AuditSaveChangesInterceptor>());
        });
        return services;
    }

    /// <summary>A relative SQLite file lives under the content root, and its folder is created on first use.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        return builder.ToString();
    }
}

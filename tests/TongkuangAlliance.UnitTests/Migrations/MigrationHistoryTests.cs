using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.UnitTests.Migrations;

/// <summary>
/// ADR 0010: each provider's migrations were squashed into one Initial before the first deployment, and from
/// the first production deployment on they are never squashed, renamed or removed again, only added to. A
/// deployed database knows its schema by these ids in its __EFMigrationsHistory table. A new squash would give
/// the first migration a new id, and this test would fail. No connection is opened.
/// </summary>
public sealed class MigrationHistoryTests
{
    public static TheoryData<DatabaseProvider, string> FirstMigrations => new()
    {
        { DatabaseProvider.Sqlite, "20261206234554_Initial" },
        { DatabaseProvider.SqlServer, "20261206234627_Initial" },
        { DatabaseProvider.PostgreSQL, "20261206234645_Initial" },
    };

    private static List<string> Migrations(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite("Data Source=:memory:",
                o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqliteMigrationsAssembly)),
            DatabaseProvider.SqlServer => builder.UseSqlServer("Server=unused;Database=unused",
                o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqlServerMigrationsAssembly)),
            _ => builder.UseNpgsql("Host=unused;Database=unused",
                o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.PostgreSqlMigrationsAssembly)),
        };
        using var db = new AppDbContext(builder.Options);
        return db.Database.GetMigrations().ToList();
    }

    [Theory]
    [MemberData(nameof(FirstMigrations))]
    public void Each_provider_s_history_still_starts_with_its_squashed_Initial(DatabaseProvider provider, string initial)
    {
        var migrations = Migrations(provider);

        Assert.True(migrations.Count > 0 && migrations[0] == initial,
            $"{provider}: the first migration is {migrations.FirstOrDefault() ?? "(none)"}, not {initial}. " +
            "Migrations are only added after the Initial, never squashed or removed (docs/decisions/0010).");
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TongkuangAlliance.UnitTests;

/// <summary>A real SQLite database in memory, created by the real migrations; lives as long as the object.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase(params IInterceptor[] interceptors)
    {
        _connection.Open();
        Options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(_connection, o => o.MigrationsAssembly("TongkuangAlliance.Migrations.Sqlite"))
            .AddInterceptors(interceptors)
            .Options;
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public DbContextOptions<AppDbContext> Options { get; }

    public AppDbContext CreateContext() => new(Options);

    public void Dispose() => _connection.Dispose();
}

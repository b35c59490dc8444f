using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Migrations.PostgreSQL;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql("Host=localhost;Database=tongkuang;Username=tongkuang", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SQL Server without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlServer("Server=localhost;Database=TongkuangAlliance;Trusted_Connection=True;TrustServerCertificate=True", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
        .Options);
}

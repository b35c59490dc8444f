using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Data;

using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own (migrated and seeded with the demo at start), in the
/// "Testing" environment: cookies are Secure, so clients talk to https://localhost.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = TestAppSettings.DemoPassword;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tk-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(TestAppSettings.For(_directory, DatabasePath)));
    }

    public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }));

    /// <summary>Runs a query against the app's database, for arranging and for checking what was stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public Task<DemoIds> DemoIdsAsync() => WithDbAsync(DemoIds.LoadAsync);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } // best effort: temp files
    }
}

/// <summary>One app shared by the tests of a class that only read, or that change records no other test reads.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "shared portal";
}

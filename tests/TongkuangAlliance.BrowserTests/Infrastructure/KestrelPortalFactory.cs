using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (a browser cannot reach the in-memory test server), over a SQLite file
/// of its own, migrated and seeded with the demo at start. "Development", so that cookies work over plain http.
/// </summary>
public sealed class KestrelPortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = TestAppSettings.DemoPassword;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tk-browser-tests", Guid.NewGuid().ToString("N"));

    public KestrelPortalFactory() => this.UseKestrel(0); // 0: any free port, so parallel runs never collide

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (known once <see cref="Start"/> returned).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        // After StartServer, ClientOptions.BaseAddress holds the address Kestrel actually bound.
        BaseAddress = ClientOptions.BaseAddress;
        if (BaseAddress.Port is 0 or 80)
        {
            throw new InvalidOperationException($"Kestrel did not report its port (ClientOptions.BaseAddress = {BaseAddress}).");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        if (!File.Exists(DatabasePath)) SeededSqliteTemplate.CopyTo(DatabasePath);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(TestAppSettings.For(_directory, DatabasePath)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } // best effort: temp files
        GC.SuppressFinalize(this);
    }
}

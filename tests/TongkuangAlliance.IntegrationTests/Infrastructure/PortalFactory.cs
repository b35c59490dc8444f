using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Data;

using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real database of its own — a SQLite file, or with TK_TEST_DATABASE=PostgreSQL a fresh
/// PostgreSQL database — migrated and seeded with the demo at start, in the "Testing" environment: cookies are
/// Secure, so clients talk to https://localhost.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = TestAppSettings.DemoPassword;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tk-tests", Guid.NewGuid().ToString("N"));

    private readonly string? _postgresDatabase;
    private readonly bool _ownsDatabase;
    private readonly bool _startsFromTemplate;
    private bool _databasePrepared;

    public PortalFactory()
        : this(TestAppSettings.UsePostgreSql ? TestAppSettings.NewPostgresDatabaseName() : null, ownsDatabase: true)
    {
    }

    /// <summary>
    /// An app on the named PostgreSQL database (null: a SQLite file of its own). Several factories may share one
    /// database — instances of the app behind one load balancer; only the owner drops it when disposed.
    /// </summary>
    public static PortalFactory OnPostgres(string database, bool ownsDatabase) => new(database, ownsDatabase);

    /// <summary>An app on a SQLite file of its own whatever TK_TEST_DATABASE says: for what only SQLite has (its backup command).</summary>
    public static PortalFactory OnSqlite() => new(null, ownsDatabase: true);

    /// <summary>The app that makes <see cref="SeededPostgresTemplate"/>'s database: it migrates and seeds it itself.</summary>
    internal static PortalFactory TemplateOnPostgres(string database) => new(database, ownsDatabase: false, startsFromTemplate: false);

    // Not public: an xunit fixture may have only one public constructor.
    private PortalFactory(string? postgresDatabase, bool ownsDatabase, bool startsFromTemplate = true)
    {
        _postgresDatabase = postgresDatabase;
        _ownsDatabase = ownsDatabase;
        _startsFromTemplate = startsFromTemplate;
    }

    /// <summary>
    /// What names this app's database in its connection string: the SQLite file's path, or on PostgreSQL the
    /// database's name. <see cref="QueryCounter"/> counts the commands whose connection string contains it.
    /// </summary>
    public string DatabasePath => _postgresDatabase ?? Path.Combine(_directory, "portal.db");

    /// <summary>This host's own folder (its logs are under it).</summary>
    public string WorkDirectory => _directory;

    public bool IsPostgreSql => _postgresDatabase is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        PrepareDatabase();
        builder.UseEnvironment("Testing");
        var settings = _postgresDatabase is null
            ? TestAppSettings.For(_directory, DatabasePath)
            : TestAppSettings.ForPostgres(_directory, _postgresDatabase);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
    }

    /// <summary>
    /// Starts this host's database as a copy of the seeded demo (see <see cref="SeededSqliteTemplate"/>). On
    /// PostgreSQL only the owner creates it; a second instance on the same database finds it there.
    /// </summary>
    private void PrepareDatabase()
    {
        if (_databasePrepared || !_startsFromTemplate) return;
        _databasePrepared = true;
        if (_postgresDatabase is null) SeededSqliteTemplate.CopyTo(DatabasePath);
        else if (_ownsDatabase) SeededPostgresTemplate.CreateDatabase(_postgresDatabase);
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
        if (_postgresDatabase is not null && _ownsDatabase) PostgresTestDatabase.Drop(_postgresDatabase);
        // TK_KEEP_TEST_LOGS=1 keeps each host's folder (its logs show the exception behind a 500).
        if (Environment.GetEnvironmentVariable("TK_KEEP_TEST_LOGS") == "1") return;
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } // best effort: temp files
    }
}

/// <summary>One app shared by the tests of a class that only read, or that change records no other test reads.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "shared portal";
}

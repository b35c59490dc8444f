namespace TongkuangAlliance.Tests.Shared;

/// <summary>
/// Settings that give a test host a database and log folder of its own, with the demo seeded. Shared by the
/// integration and browser test factories (linked into the browser tests' project). They are added as the last
/// configuration source, so they win over appsettings.json — values given with UseSetting would not.
/// </summary>
/// <remarks>
/// The database is a SQLite file unless TK_TEST_DATABASE=PostgreSQL: then each test host gets a fresh database
/// of its own on the server named by TK_TEST_POSTGRES (default: the local server, user and password "tk"),
/// created by the app's own migrations and dropped when the host is disposed.
/// </remarks>
public static class TestAppSettings
{
    public const string DemoPassword = "Tongkuang2026";
    public const string DatabaseVariable = "TK_TEST_DATABASE";
    public const string PostgresVariable = "TK_TEST_POSTGRES";

    public static bool UsePostgreSql => Environment.GetEnvironmentVariable(DatabaseVariable) == "PostgreSQL";

    /// <summary>The server the PostgreSQL test databases are created on (no database named).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5432;Username=tk;Password=tk";

    /// <summary>A new name for a PostgreSQL test database (lower case: PostgreSQL folds unquoted names).</summary>
    public static string NewPostgresDatabaseName() => "tk_test_" + Guid.NewGuid().ToString("N");

    public static string PostgresConnectionString(string databaseName) => $"{PostgresServer};Database={databaseName}";

    public static Dictionary<string, string?> For(string directory, string databasePath) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
        ["DemoData:Enabled"] = "true",
        ["DemoData:Password"] = DemoPassword,
        // The tests call the time-based rules themselves, with a clock of their own (ADR 0013).
        ["Scheduler:Enabled"] = "false",
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(directory, "logs", "portal-.log"),
    };

    public static Dictionary<string, string?> ForPostgres(string directory, string databaseName)
    {
        var settings = For(directory, "unused");
        settings["Database:Provider"] = "PostgreSQL";
        // Some forty hosts come and go in one run, one of them sending 100 requests at once: a small pool whose
        // idle connections close soon keeps the run under the server's max_connections (100 by default).
        settings["ConnectionStrings:Default"] = PostgresConnectionString(databaseName) + ";Maximum Pool Size=20;Connection Idle Lifetime=10";
        return settings;
    }
}

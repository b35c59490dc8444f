namespace TongkuangAlliance.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSQL,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when the app starts. On for the embedded default. Never honoured for a server
    /// database in Production: that schema changes only by the explicit `migrate` command or a migration bundle.
    /// </summary>
    public bool MigrateOnStartup { get; set; }
}

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Unset: on for the embedded SQLite database, off for server databases (which start empty and get
    /// their first account from the create-admin command). Set it to force either way.</summary>
    public bool? Enabled { get; set; }

    public bool EnabledFor(DatabaseProvider provider) => Enabled ?? provider == DatabaseProvider.Sqlite;

    /// <summary>The password every demo account gets. Demo accounts exist only when demo data is on.</summary>
    public string Password { get; set; } = "";
}

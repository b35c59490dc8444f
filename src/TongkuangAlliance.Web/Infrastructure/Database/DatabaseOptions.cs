namespace TongkuangAlliance.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. On for the embedded default, off in Production.</summary>
    public bool MigrateOnStartup { get; set; }
}

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Enabled { get; set; }

    /// <summary>The password every demo account gets. Demo accounts exist only when demo data is on.</summary>
    public string Password { get; set; } = "";
}

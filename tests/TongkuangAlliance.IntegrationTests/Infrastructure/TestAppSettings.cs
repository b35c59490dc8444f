namespace TongkuangAlliance.Tests.Shared;

/// <summary>
/// Settings that give a test host a SQLite file and log folder of its own, with the demo seeded. Shared by the
/// integration and browser test factories (linked into the browser tests' project). They are added as the last
/// configuration source, so they win over appsettings.json — values given with UseSetting would not.
/// </summary>
public static class TestAppSettings
{
    public const string DemoPassword = "Tongkuang2026";

    public static Dictionary<string, string?> For(string directory, string databasePath) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
        ["DemoData:Enabled"] = "true",
        ["DemoData:Password"] = DemoPassword,
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(directory, "logs", "portal-.log"),
    };
}

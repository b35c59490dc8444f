using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace TongkuangAlliance.Tests.Shared;

/// <summary>
/// One SQLite file per test process, migrated and seeded with the demo by the real app once; every test host
/// starts from a copy of it. Seeding the demo takes seconds and some forty hosts each need it; copying a file
/// takes milliseconds. A host still runs its startup (migrate, seed) on the copy: both find their work done.
/// Shared by the integration and browser tests (linked into the browser tests' project).
/// </summary>
public static class SeededSqliteTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a copy of the seeded demo database at <paramref name="databasePath"/>.</summary>
    public static void CopyTo(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(Template.Value, databasePath, overwrite: false);
    }

    private static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tk-tests", $"template-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "portal.db");
        using (var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
               {
                   builder.UseEnvironment("Testing");
                   builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(TestAppSettings.For(directory, path)));
               }))
        {
            _ = app.Services; // starts the app: it migrates the new file and seeds the demo
        }

        // Closes the pooled connections, so the file is complete and nothing holds it while it is copied.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } // best effort: temp files
        };
        return path;
    }
}

using Npgsql;
using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL counterpart of <see cref="SeededSqliteTemplate"/>: one database per test process, migrated
/// and seeded by the real app once, which every test database is created from (CREATE DATABASE … TEMPLATE).
/// Dropped when the process exits.
/// </summary>
public static class SeededPostgresTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CreateDatabase(string databaseName)
    {
        var template = Template.Value;
        using var connection = new NpgsqlConnection(TestAppSettings.PostgresConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        // Both names are ours (tk_test_/tk_template_ + a GUID), never user input.
        command.CommandText = $"CREATE DATABASE \"{databaseName}\" TEMPLATE \"{template}\"";
        command.ExecuteNonQuery();
    }

    private static string Create()
    {
        var name = "tk_template_" + Guid.NewGuid().ToString("N");
        using (var app = PortalFactory.TemplateOnPostgres(name))
        {
            _ = app.Services; // starts the app: it creates and migrates the database and seeds the demo
        }

        // A database with connections open cannot be a template: close the pooled ones.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { PostgresTestDatabase.Drop(name); } catch (NpgsqlException) { } // best effort: the server may be gone
        };
        return name;
    }
}

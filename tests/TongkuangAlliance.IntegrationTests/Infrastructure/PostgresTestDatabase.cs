using Npgsql;
using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>Drops the PostgreSQL databases test hosts created, so a run leaves the server as it found it.</summary>
public static class PostgresTestDatabase
{
    public const string RequireVariable = "TK_REQUIRE_POSTGRES";

    /// <summary>Why PostgreSQL tests cannot run here (no server answers), or null when they can.</summary>
    public static string? UnavailableReason()
    {
        try
        {
            using var connection = new NpgsqlConnection(TestAppSettings.PostgresConnectionString("postgres") + ";Timeout=3");
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return $"No PostgreSQL server at {TestAppSettings.PostgresServer} ({ex.Message}). Start one (see docs/operations.md) " +
                   $"or set {TestAppSettings.PostgresVariable}; CI sets {RequireVariable}=1, where this is a failure.";
        }
    }

    /// <summary>Skips the calling test when no server answers — unless TK_REQUIRE_POSTGRES=1 (CI): then it fails.</summary>
    public static void Require()
    {
        if (UnavailableReason() is not { } reason) return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1") throw new InvalidOperationException(reason);
        Skip.If(true, reason);
    }

    public static void Drop(string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(TestAppSettings.PostgresConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        // The name is ours (tk_test_ + a GUID), never user input; WITH (FORCE) ends connections still open.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

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

    /// <summary>
    /// Drops a test database. WITH (FORCE) ends our own connections still open, but not an autovacuum worker's (it runs
    /// as the server's superuser: 42501 for our login), which comes after a test inserts many rows; such a worker is
    /// done within moments, so the drop is tried again. A database that still cannot be dropped is reported, not fatal:
    /// it is a leftover of a finished test, not a result.
    /// </summary>
    public static void Drop(string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(TestAppSettings.PostgresConnectionString("postgres"));
                connection.Open();
                using var command = connection.CreateCommand();
                // The name is ours (tk_test_ + a GUID), never user input.
                command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException error) when (error.SqlState is "42501" or "55006")
            {
                if (attempt == 10)
                {
                    Console.Error.WriteLine($"Test database {databaseName} left behind: {error.MessageText}");
                    return;
                }
                Thread.Sleep(500);
            }
        }
    }
}

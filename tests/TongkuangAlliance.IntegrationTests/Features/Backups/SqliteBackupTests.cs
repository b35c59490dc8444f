using Microsoft.Data.Sqlite;
using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.IntegrationTests.Features.Backups;

/// <summary>
/// The SQLite backup command's work: a backup taken while the portal serves requests, restored into a new
/// file, holds every record of every table. (Always on SQLite: server databases use their own tools.)
/// </summary>
public sealed class SqliteBackupTests : IDisposable
{
    private readonly PortalFactory _portal = PortalFactory.OnSqlite();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tk-backup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_taken_while_the_portal_serves_restores_with_every_record()
    {
        using var client = await _portal.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var backup = Path.Combine(_folder, "backup.db");
        var restored = Path.Combine(_folder, "restored.db");

        // Pages keep being served (and the sign-in above wrote) while the backup runs.
        using var reading = new CancellationTokenSource();
        var served = 0;
        var traffic = Task.Run(async () =>
        {
            while (!reading.IsCancellationRequested)
            {
                using var page = await client.GetAsync("/Cases");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                served++;
            }
        });
        await Task.Delay(200);
        await SqliteBackup.BackupAsync($"Data Source={_portal.DatabasePath}", backup);
        await reading.CancelAsync();
        await traffic;
        Assert.True(served > 0);

        await Assert.ThrowsAsync<CommandException>(() => SqliteBackup.BackupAsync($"Data Source={_portal.DatabasePath}", backup));
        await SqliteBackup.RestoreAsync(backup, $"Data Source={restored}");

        var live = await CountsAsync(_portal.DatabasePath);
        var copy = await CountsAsync(restored);
        Assert.True(live.Count >= 30, $"only {live.Count} tables");
        Assert.True(live["Cases"] > 0 && live["AuditEntries"] > 0 && live["AspNetUsers"] > 0);
        Assert.Equal(live, copy);
        Assert.Equal(await DigestAsync(_portal.DatabasePath), await DigestAsync(restored));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_not_restored()
    {
        Directory.CreateDirectory(_folder);
        var junk = Path.Combine(_folder, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        var target = Path.Combine(_folder, "target.db");

        await Assert.ThrowsAnyAsync<Exception>(() => SqliteBackup.RestoreAsync(junk, $"Data Source={target}"));
    }

    private static async Task<SortedDictionary<string, long>> CountsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>The content of the records a user relies on most: every case's number, title and status.</summary>
    private static async Task<string> DigestAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Number || '|' || Title || '|' || Status, ';') FROM (SELECT * FROM Cases ORDER BY Id)";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        _portal.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // best effort: temp files
    }
}

using Microsoft.Data.Sqlite;

namespace TongkuangAlliance.Web.Infrastructure.Database;

/// <summary>
/// Online backup of the embedded SQLite database through SQLite's backup API: the copy is a consistent
/// snapshot taken while the app keeps serving (readers and writers wait at most for the copy's own read), not a
/// file copy that could catch a half-written page. Restore is the same API in the other direction and is meant
/// for a stopped app. See docs/operations.md.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into the new file <paramref name="targetFile"/>.</summary>
    public static async Task BackupAsync(string connectionString, string targetFile, CancellationToken cancellationToken = default)
    {
        targetFile = Path.GetFullPath(targetFile);
        if (File.Exists(targetFile)) throw new CommandException($"{targetFile} already exists; a backup never overwrites a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(targetFile)!);

        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(FileConnection(targetFile, SqliteOpenMode.ReadWriteCreate));
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    /// <summary>Replaces the database of <paramref name="connectionString"/> with the backup in <paramref name="backupFile"/>.</summary>
    public static async Task RestoreAsync(string backupFile, string connectionString, CancellationToken cancellationToken = default)
    {
        backupFile = Path.GetFullPath(backupFile);
        if (!File.Exists(backupFile)) throw new CommandException($"{backupFile} does not exist.");

        await using var source = new SqliteConnection(FileConnection(backupFile, SqliteOpenMode.ReadOnly));
        await source.OpenAsync(cancellationToken);
        await using (var check = source.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (result != "ok") throw new CommandException($"{backupFile} is not an intact SQLite database ({result}); nothing was restored.");
        }
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var target = new SqliteConnection(builder.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    private static string FileConnection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}

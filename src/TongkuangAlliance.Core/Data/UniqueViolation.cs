using System.Data.Common;

namespace TongkuangAlliance.Core.Data;

/// <summary>
/// Recognizes a save that a unique index refused, on every provider the portal runs on. Forms check a name (or
/// a pairing) is free before saving; two people submitting at once both pass that check, and the second save
/// meets the index. The controller catches it with <c>when (e.IsUniqueViolation())</c> and shows the same field
/// message as the check instead of a 500.
/// </summary>
/// <remarks>
/// Core references no provider, so the providers' exceptions are told apart by type name: SQLite's extended
/// code 2067 (SQLITE_CONSTRAINT_UNIQUE, a kind of the primary code 19, which NOT NULL, CHECK and foreign keys
/// share), SQL Server's 2601 (unique index) and 2627 (unique constraint), PostgreSQL's SQLSTATE 23505.
/// </remarks>
public static class UniqueViolation
{
    public const int SqliteConstraintUnique = 2067;
    public const int SqlServerUniqueIndex = 2601;
    public const int SqlServerUniqueConstraint = 2627;
    public const string PostgresUniqueViolation = "23505";

    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException database && IsUniqueViolation(database)) return true;
        }
        return false;
    }

    private static bool IsUniqueViolation(DbException exception) => exception.GetType().FullName switch
    {
        "Microsoft.Data.Sqlite.SqliteException" => IntProperty(exception, "SqliteExtendedErrorCode") == SqliteConstraintUnique,
        "Microsoft.Data.SqlClient.SqlException" => IntProperty(exception, "Number") is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => exception.SqlState == PostgresUniqueViolation,
    };

    private static int? IntProperty(DbException exception, string name) =>
        exception.GetType().GetProperty(name)?.GetValue(exception) as int?;
}

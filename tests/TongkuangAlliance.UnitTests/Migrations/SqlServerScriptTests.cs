using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.UnitTests.Migrations;

/// <summary>
/// SQL Server cannot run on these machines, so its migrations are checked as text: the idempotent deployment
/// script (what docs/operations.md hands a DBA) is generated from the real migrations and parsed by Microsoft's
/// own T-SQL parser. No connection is opened.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=unused;Database=unused", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqlServerMigrationsAssembly))
            .Options);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL_without_errors()
    {
        var script = IdempotentScript();
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);

        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        // One guarded statement per migration step: an empty or truncated script would also parse.
        var statements = ((TSqlScript)fragment).Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 50, $"expected the whole schema, got {statements} statements");
    }

    [Fact]
    public void Every_step_is_guarded_by_the_migrations_history_so_the_script_can_run_twice()
    {
        var script = IdempotentScript();
        var migrations = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=unused;Database=unused", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqlServerMigrationsAssembly))
            .Options).Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        foreach (var migration in migrations)
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Audited_tables_carry_a_rowversion_concurrency_column_on_SQL_Server()
    {
        var script = IdempotentScript();
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        var cases = db.Model.FindEntityType(typeof(TongkuangAlliance.Core.Cases.Case))!;
        var rowVersion = cases.FindProperty(AppDbContext.RowVersionColumn);
        Assert.NotNull(rowVersion);
        Assert.True(rowVersion.IsConcurrencyToken);
        Assert.Equal("rowversion", rowVersion.GetColumnType());
        // The squashed Initial creates the column with the table (docs/decisions/0010).
        var createCases = Regex.Match(script, @"CREATE TABLE \[Cases\] \((?<columns>.*?)\n\s*\);", RegexOptions.Singleline);
        Assert.True(createCases.Success, "the script creates the Cases table");
        Assert.Contains("[RowVersion] rowversion", createCases.Groups["columns"].Value, StringComparison.Ordinal);
    }
}

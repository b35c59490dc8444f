using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.Database;

/// <summary>
/// Operator commands run instead of the web server, with the same configuration as the app:
/// <c>migrate</c> (the explicit schema step for server databases), <c>create-admin</c> (the first
/// sub-district committee account of a deployment without demo data), and <c>backup --to FILE</c> /
/// <c>restore --from FILE</c> for the embedded SQLite database. See docs/operations.md.
/// </summary>
public static class PortalCommands
{
    public const string AdminPasswordVariable = "TK_ADMIN_PASSWORD";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin" or "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var output = Console.Out;
        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateAsync(services.GetRequiredService<AppDbContext>(), output),
                "backup" => await BackupAsync(services.GetRequiredService<AppDbContext>(), Require(ParseOptions(args.Skip(1).ToArray()), "to"), output),
                "restore" => await RestoreAsync(services.GetRequiredService<AppDbContext>(), Require(ParseOptions(args.Skip(1).ToArray()), "from"), output),
                _ => await CreateAdminAsync(services, ParseOptions(args.Skip(1).ToArray()), output),
            };
        }
        catch (CommandException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>backup --to FILE: an online copy of the SQLite database, safe while the app serves.</summary>
    private static async Task<int> BackupAsync(AppDbContext db, string targetFile, TextWriter output)
    {
        await SqliteBackup.BackupAsync(SqliteConnectionString(db), targetFile);
        await output.WriteLineAsync($"backed up to {Path.GetFullPath(targetFile)}");
        return 0;
    }

    /// <summary>restore --from FILE: replaces the SQLite database with a backup; run it with the app stopped.</summary>
    private static async Task<int> RestoreAsync(AppDbContext db, string backupFile, TextWriter output)
    {
        await SqliteBackup.RestoreAsync(backupFile, SqliteConnectionString(db));
        await output.WriteLineAsync($"restored from {Path.GetFullPath(backupFile)}");
        return 0;
    }

    private static string SqliteConnectionString(AppDbContext db) => db.Database.IsSqlite()
        ? db.Database.GetConnectionString()!
        : throw new CommandException("backup and restore are for the embedded SQLite database; back up a server database with its own tools (docs/operations.md).");

    private static async Task<int> MigrateAsync(AppDbContext db, TextWriter output)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await output.WriteLineAsync($"{db.Database.ProviderName}: {pending.Count} pending migration(s)");
        foreach (var name in pending) await output.WriteLineAsync($"  applying {name}");
        await db.Database.MigrateAsync();
        await DatabaseStartup.EnsureReferenceDataAsync(db);
        await output.WriteLineAsync("database is up to date");
        return 0;
    }

    /// <summary>
    /// create-admin --user NAME --name "显示名" --sub-district 铜矿街道 --city 德兴市; the password comes from
    /// TK_ADMIN_PASSWORD or, when that is unset, the first line of standard input (never the command line,
    /// which other users of the machine can read).
    /// </summary>
    private static async Task<int> CreateAdminAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output)
    {
        var userName = Require(options, "user");
        var subDistrictName = Require(options, "sub-district");
        var city = options.GetValueOrDefault("city") ?? "";
        var displayName = options.GetValueOrDefault("name") ?? userName;
        var password = Environment.GetEnvironmentVariable(AdminPasswordVariable) ?? await Console.In.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
            throw new CommandException($"No password: set {AdminPasswordVariable} or pipe it on standard input.");

        var db = services.GetRequiredService<AppDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            throw new CommandException("The database schema is not up to date: run the migrate command first.");

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
            throw new CommandException($"An account named {userName} already exists; nothing was changed.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        var subDistrict = await db.SubDistricts.SingleOrDefaultAsync(s => s.Name == subDistrictName);
        if (subDistrict is null)
        {
            subDistrict = new SubDistrict { Name = subDistrictName, City = city };
            db.SubDistricts.Add(subDistrict);
            await db.SaveChangesAsync();
            await output.WriteLineAsync($"created sub-district {subDistrictName} (id {subDistrict.Id})");
        }

        var user = new AppUser { UserName = userName, DisplayName = displayName, CreatedAtUtc = DateTime.UtcNow };
        user.AssignScope(PortalRole.SubDistrictCommittee, subDistrict.Id, null, null);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new CommandException("The account was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await transaction.CommitAsync();
        await output.WriteLineAsync($"created sub-district committee account {userName}");
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new CommandException($"Unexpected argument '{args[i]}'. Usage: create-admin --user NAME --sub-district NAME [--city CITY] [--name DISPLAY]");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static string Require(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandException($"--{name} is required.");

}

/// <summary>An operator command refused its arguments or the state it found; the message says why.</summary>
public sealed class CommandException(string message) : Exception(message);

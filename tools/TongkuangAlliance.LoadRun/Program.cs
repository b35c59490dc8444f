using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TongkuangAlliance.LoadRun;

/// <summary>
/// Issue 10's load run: starts the published portal on a loopback port with a fresh SQLite database and the
/// demo data, creates and signs in N community-committee accounts, and for a fixed time lets them mix reads and
/// writes (registering cases through the real form, adding progress notes). Then it checks that no answer was
/// a 5xx and that every write the server confirmed is stored, prints the figures, and exits non-zero otherwise.
/// Usage: TongkuangAlliance.LoadRun --app PATH/TongkuangAlliance.Web.dll [--port 5104] [--users 50] [--seconds 60]
/// </summary>
public static partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = LoadOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: TongkuangAlliance.LoadRun --app PATH/TongkuangAlliance.Web.dll [--port 5104] [--users 50] [--seconds 60]");
            return 2;
        }
        // The whole run is bounded: start, seed, sign-ins, the load and the checks.
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 150));
        var workDirectory = Directory.CreateTempSubdirectory("tk-loadrun-").FullName;
        var databasePath = Path.Combine(workDirectory, "load.db");
        // Outside Development the app migrates only by its explicit command, as a deployment would.
        using (var migrate = Start(options, workDirectory, databasePath, "migrate"))
        {
            await migrate.WaitForExitAsync(overall.Token);
            if (migrate.ExitCode != 0)
            {
                foreach (var line in ServerOutput) await Console.Error.WriteLineAsync("migrate: " + line);
                return 1;
            }
        }
        using var server = Start(options, workDirectory, databasePath);
        try
        {
            return await RunAsync(options, server, databasePath, overall.Token);
        }
        catch (OperationCanceledException) when (overall.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("The load run exceeded its time bound.");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            foreach (var line in ServerOutput.TakeLast(40)) await Console.Error.WriteLineAsync("server: " + line);
            return 1;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static Process Start(LoadOptions options, string workDirectory, string databasePath, string? command = null)
    {
        var start = new ProcessStartInfo("dotnet", command is null ? [options.AppPath] : [options.AppPath, command])
        {
            // The app's own folder: its appsettings.json is read from the content root, the working directory.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.AppPath))!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = options.BaseUrl;
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(workDirectory, "logs", "portal-.log");
        start.Environment["ConnectionStrings__Default"] = $"Data Source={databasePath}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["DemoData__Enabled"] = "true";
        start.Environment["DemoData__Password"] = DemoPassword;
        // Request logging at Information would measure the console, not the portal.
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) ServerOutput.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) ServerOutput.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private const string DemoPassword = "Tongkuang2026";
    private const string LoadPassword = "loadrun-secret-26";
    private static readonly ConcurrentQueue<string> ServerOutput = new();

    private static async Task<int> RunAsync(LoadOptions options, Process server, string databasePath, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await WaitForHealthAsync(options, server, cancellationToken);
        Console.WriteLine($"Server ready on {options.BaseUrl} after {clock.Elapsed.TotalSeconds:0.0} s (migrated, demo seeded).");

        var demo = ReadDemo(databasePath);
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var marker = $"LOADRUN-{run}";

        // The load users: new community-committee accounts, made by the sub-district committee through the Accounts page.
        using (var admin = new PortalUser(options.BaseUrl, "jiedao"))
        {
            await admin.SignInAsync(DemoPassword, cancellationToken);
            for (var i = 0; i < options.Users; i++)
            {
                var community = demo.Communities[i % demo.Communities.Count];
                var (_, form) = await admin.FormAsync("/Accounts/Create", cancellationToken);
                if (form is null) throw new InvalidOperationException("No account form.");
                form["UserName"] = $"load{i + 1:000}-{run}";
                form["DisplayName"] = $"压测用户{i + 1}";
                form["Role"] = "CommunityCommittee";
                form["CommunityId"] = community.ToString(CultureInfo.InvariantCulture);
                form["MemberUnitId"] = "";
                form["Password"] = LoadPassword;
                var (status, _) = await admin.PostAsync("/Accounts/Create", form, cancellationToken);
                if (status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Creating load account {i + 1} answered {(int)status}.");
            }
        }
        var users = new List<LoadUser>();
        for (var i = 0; i < options.Users; i++)
        {
            var user = new LoadUser(new PortalUser(options.BaseUrl, $"load{i + 1:000}-{run}"), i + 1, demo.Communities[i % demo.Communities.Count]);
            await user.Portal.SignInAsync(LoadPassword, cancellationToken);
            users.Add(user);
        }
        Console.WriteLine($"{users.Count} users signed in after {clock.Elapsed.TotalSeconds:0.0} s; load for {options.Seconds} s.");

        var stats = new LoadStats();
        using var loadWindow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        loadWindow.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        var loadClock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(u => Task.Run(() => UserLoopAsync(u, demo, marker, stats, loadWindow.Token), CancellationToken.None)));
        var loadSeconds = loadClock.Elapsed.TotalSeconds;

        var (storedCases, storedNotes) = ReadStored(databasePath, marker);
        var lostCases = stats.ConfirmedCases.Where(t => !storedCases.Contains(t)).ToList();
        var lostNotes = stats.ConfirmedNotes.Where(t => !storedNotes.Contains(t)).ToList();

        foreach (var user in users) user.Portal.Dispose();
        Report(stats, loadSeconds, options, storedCases.Count, storedNotes.Count, lostCases.Count + lostNotes.Count);
        var failed = stats.ServerErrors > 0 || lostCases.Count > 0 || lostNotes.Count > 0 || stats.ConfirmedCases.IsEmpty;
        if (failed)
        {
            foreach (var line in ServerOutput.TakeLast(40)) await Console.Error.WriteLineAsync("server: " + line);
            foreach (var sample in stats.ErrorSamples.Take(10)) await Console.Error.WriteLineAsync("error: " + sample);
        }
        Console.WriteLine(failed ? "RESULT: FAILED" : "RESULT: OK — no 5xx, no lost write");
        return failed ? 1 : 0;
    }

    private static async Task WaitForHealthAsync(LoadOptions options, Process server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            await Task.Delay(500, cancellationToken);
        }
        throw new InvalidOperationException(server.HasExited ? $"The server exited with {server.ExitCode}." : "The server did not become healthy within 120 s.");
    }

    /// <summary>One user's loop: a weighted mix of reads (70 %) and writes (30 %) until the window closes.</summary>
    private static async Task UserLoopAsync(LoadUser user, DemoData demo, string marker, LoadStats stats, CancellationToken window)
    {
        var random = new Random(user.Number);
        var cases = demo.CasesByCommunity.GetValueOrDefault(user.CommunityId, []).ToList();
        var noteCount = 0;
        while (!window.IsCancellationRequested)
        {
            var roll = random.Next(100);
            try
            {
                switch (roll)
                {
                    case < 15: await stats.TimeAsync("home", () => user.Portal.GetAsync("/", window)); break;
                    case < 30: await stats.TimeAsync("case list", () => user.Portal.GetAsync("/Cases", window)); break;
                    case < 45 when cases.Count > 0: await stats.TimeAsync("case details", () => user.Portal.GetAsync($"/Cases/Details/{cases[random.Next(cases.Count)]}", window)); break;
                    case < 58: await stats.TimeAsync("activity calendar", () => user.Portal.GetAsync("/Activities", window)); break;
                    case < 70: await stats.TimeAsync("communities", () => user.Portal.GetAsync($"/Communities/Details/{user.CommunityId}", window)); break;
                    case < 85:
                    {
                        var title = $"{marker}-u{user.Number}-c{++user.CaseCount}";
                        var id = await RegisterCaseAsync(user, demo, title, stats, window);
                        if (id is { } caseId)
                        {
                            stats.ConfirmedCases.Add(title);
                            user.OwnCases.Add(caseId);
                            cases.Add(caseId);
                        }
                        break;
                    }
                    default:
                    {
                        if (user.OwnCases.Count == 0)
                        {
                            await stats.TimeAsync("home", () => user.Portal.GetAsync("/", window));
                            break;
                        }
                        var caseId = user.OwnCases[random.Next(user.OwnCases.Count)];
                        var text = $"{marker}-note-u{user.Number}-{++noteCount}";
                        if (await AddNoteAsync(user, caseId, text, stats, window)) stats.ConfirmedNotes.Add(text);
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                // The window closed mid-request: that request is not counted.
            }
        }
    }

    private static async Task<int?> RegisterCaseAsync(LoadUser user, DemoData demo, string title, LoadStats stats, CancellationToken window)
    {
        var form = await stats.TimeFormAsync("case form", () => user.Portal.FormAsync("/Cases/Create", window));
        if (form is null) return null;
        var compounds = demo.CompoundsByCommunity[user.CommunityId];
        var china = DateTime.UtcNow.AddHours(8);
        form["Input.Kind"] = "Request";
        form["Input.Source"] = "WalkIn";
        form["Input.ReporterName"] = "压测居民";
        form["Input.ReporterPhone"] = "13900000000";
        form["Input.CompoundId"] = compounds[user.CaseCount % compounds.Count].ToString(CultureInfo.InvariantCulture);
        form["Input.CategoryId"] = demo.Category.ToString(CultureInfo.InvariantCulture);
        form["Input.Title"] = title;
        form["Input.Description"] = "压测：楼道灯不亮，请尽快维修。";
        form["Input.OccurredAt"] = china.AddHours(-2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        form["Input.Urgency"] = "Normal";
        var (status, location) = await stats.TimePostAsync("register case", () => user.Portal.PostAsync("/Cases/Create", form, window));
        return status == HttpStatusCode.Redirect && location?.StartsWith("/Cases/Details/", StringComparison.Ordinal) == true
            ? int.Parse(location["/Cases/Details/".Length..], CultureInfo.InvariantCulture)
            : stats.Unexpected("register case", status, location);
    }

    private static async Task<bool> AddNoteAsync(LoadUser user, int caseId, string text, LoadStats stats, CancellationToken window)
    {
        var form = await stats.TimeFormAsync("case details", () => user.Portal.FormAsync($"/Cases/Details/{caseId}", window, "AddProgressNote"));
        if (form is null) return false;
        form["text"] = text;
        var (status, location) = await stats.TimePostAsync("add note", () => user.Portal.PostAsync($"/Cases/AddProgressNote/{caseId}", form, window));
        if (status == HttpStatusCode.Redirect && location == $"/Cases/Details/{caseId}") return true;
        stats.Unexpected("add note", status, location);
        return false;
    }

    private static DemoData ReadDemo(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        var communities = Query(connection, "SELECT Id, 0 FROM Communities ORDER BY Id").Select(r => r.Id).ToList();
        var compounds = Query(connection, "SELECT Id, CommunityId FROM Compounds ORDER BY Id").GroupBy(r => r.Other).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var cases = Query(connection, "SELECT Id, CommunityId FROM Cases ORDER BY Id").GroupBy(r => r.Other).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var category = Query(connection, "SELECT Id, 0 FROM CaseCategories WHERE IsActive = 1 ORDER BY Id LIMIT 1").Single().Id;
        // Only communities with a compound can take a case.
        return new DemoData(communities.Where(compounds.ContainsKey).ToList(), compounds, cases, category);
    }

    private static List<(int Id, int Other)> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // fixed statements of this file, no input
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<(int, int)>();
        while (reader.Read()) rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return rows;
    }

    private static (HashSet<string> Cases, HashSet<string> Notes) ReadStored(string databasePath, string marker)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        HashSet<string> Read(string sql, string pattern)
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // fixed statements of this file; the marker is a parameter
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Parameters.AddWithValue("$marker", pattern);
            using var reader = command.ExecuteReader();
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read()) set.Add(reader.GetString(0));
            return set;
        }
        // A case's registration event names its title too: notes are told apart by their own "-note-" marker.
        return (Read("SELECT Title FROM Cases WHERE Title LIKE $marker", marker + "-u%"), Read("SELECT Summary FROM CaseEvents WHERE Summary LIKE $marker", marker + "-note-%"));
    }

    private static void Report(LoadStats stats, double seconds, LoadOptions options, int storedCases, int storedNotes, int lost)
    {
        var total = stats.Latencies.Values.Sum(l => l.Count);
        Console.WriteLine();
        Console.WriteLine($"Load run: {options.Users} users, {seconds:0.0} s, {total} requests, {total / seconds:0.0} requests/s");
        Console.WriteLine($"{"kind",-18} {"requests",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, latencies) in stats.Latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var sorted = latencies.Order().ToArray();
            Console.WriteLine($"{kind,-18} {sorted.Length,9} {Percentile(sorted, 50),8:0} {Percentile(sorted, 95),8:0} {Percentile(sorted, 99),8:0} {sorted[^1],8:0}");
        }
        Console.WriteLine($"5xx answers: {stats.ServerErrors}; other unexpected answers: {stats.OtherErrors}");
        Console.WriteLine($"Writes confirmed: {stats.ConfirmedCases.Count} cases, {stats.ConfirmedNotes.Count} notes; stored with the run's marker: {storedCases} cases, {storedNotes} notes; confirmed but missing: {lost}");
        Console.WriteLine("(Stored may exceed confirmed by the writes in flight when the window closed: stored, but their answers were not awaited.)");
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    internal static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.Singleline)]
    internal static partial Regex InputPattern();

    [GeneratedRegex("\\b(name|value|type)=\"([^\"]*)\"")]
    internal static partial Regex AttributePattern();
}

internal sealed record LoadOptions(string AppPath, int Port, int Users, int Seconds)
{
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static LoadOptions? Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        var app = Value("--app");
        return app is null || !File.Exists(app) ? null : new LoadOptions(app, Number("--port", 5104), Number("--users", 50), Number("--seconds", 60));
    }
}

internal sealed record DemoData(List<int> Communities, Dictionary<int, List<int>> CompoundsByCommunity, Dictionary<int, List<int>> CasesByCommunity, int Category);

internal sealed class LoadUser(PortalUser portal, int number, int communityId)
{
    public PortalUser Portal { get; } = portal;
    public int Number { get; } = number;
    public int CommunityId { get; } = communityId;
    public int CaseCount { get; set; }
    public List<int> OwnCases { get; } = [];
}

internal sealed class LoadStats
{
    public ConcurrentDictionary<string, ConcurrentBag<double>> Latencies { get; } = new(StringComparer.Ordinal);
    public ConcurrentBag<string> ConfirmedCases { get; } = [];
    public ConcurrentBag<string> ConfirmedNotes { get; } = [];
    public ConcurrentQueue<string> ErrorSamples { get; } = new();
    private int _serverErrors;
    private int _otherErrors;
    public int ServerErrors => Volatile.Read(ref _serverErrors);
    public int OtherErrors => Volatile.Read(ref _otherErrors);

    private void Record(string kind, double milliseconds, HttpStatusCode status)
    {
        Latencies.GetOrAdd(kind, _ => []).Add(milliseconds);
        if ((int)status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
            ErrorSamples.Enqueue($"{kind}: {(int)status}");
        }
    }

    public async Task TimeAsync(string kind, Func<Task<HttpStatusCode>> request)
    {
        var clock = Stopwatch.StartNew();
        var status = await request();
        Record(kind, clock.Elapsed.TotalMilliseconds, status);
        if (status != HttpStatusCode.OK && (int)status < 500) Unexpected(kind, status, null);
    }

    public async Task<Dictionary<string, string>?> TimeFormAsync(string kind, Func<Task<(HttpStatusCode Status, Dictionary<string, string>? Form)>> request)
    {
        var clock = Stopwatch.StartNew();
        var (status, form) = await request();
        Record(kind, clock.Elapsed.TotalMilliseconds, status);
        if (form is null && (int)status < 500) Unexpected(kind, status, "no form");
        return form;
    }

    public async Task<(HttpStatusCode Status, string? Location)> TimePostAsync(string kind, Func<Task<(HttpStatusCode Status, string? Location)>> request)
    {
        var clock = Stopwatch.StartNew();
        var result = await request();
        Record(kind, clock.Elapsed.TotalMilliseconds, result.Status);
        return result;
    }

    public int? Unexpected(string kind, HttpStatusCode status, string? detail)
    {
        if ((int)status >= 500) return null; // counted as a 5xx already
        Interlocked.Increment(ref _otherErrors);
        if (ErrorSamples.Count < 50) ErrorSamples.Enqueue($"{kind}: {(int)status} {detail}");
        return null;
    }
}

/// <summary>
/// One signed-in browser: its own cookies, no redirects followed. Requests say X-Forwarded-Proto: https, as a
/// TLS-terminating proxy on loopback would (the portal trusts loopback proxies), so the Production server sets
/// its Secure cookies; the jar here keeps them although the hop to the server is plain http.
/// </summary>
internal sealed class PortalUser : IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public PortalUser(string baseUrl, string userName)
    {
        UserName = userName;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
    }

    public string UserName { get; }

    public async Task SignInAsync(string password, CancellationToken cancellationToken)
    {
        var (_, form) = await FormAsync("/Account/SignIn", cancellationToken);
        if (form is null) throw new InvalidOperationException("No sign-in form.");
        form["UserName"] = UserName;
        form["Password"] = password;
        var (status, _) = await PostAsync("/Account/SignIn", form, cancellationToken);
        if (status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in {UserName} answered {(int)status}.");
    }

    public async Task<HttpStatusCode> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode;
    }

    /// <summary>The fields of the page's form whose action contains <paramref name="actionContains"/> (by default the page's own path).</summary>
    public async Task<(HttpStatusCode Status, Dictionary<string, string>? Form)> FormAsync(string url, CancellationToken cancellationToken, string? actionContains = null)
    {
        actionContains ??= url;
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        foreach (Match form in Program.FormPattern().Matches(html))
        {
            if (!form.Groups[1].Value.Contains(actionContains, StringComparison.Ordinal)) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in Program.InputPattern().Matches(form.Groups[2].Value))
            {
                var attributes = Program.AttributePattern().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal);
                if (attributes.TryGetValue("name", out var name) && attributes.GetValueOrDefault("type") is not ("checkbox" or "radio" or "submit"))
                    fields[name] = attributes.GetValueOrDefault("value", "");
            }
            if (fields.ContainsKey("__RequestVerificationToken")) return (response.StatusCode, fields);
        }
        return (response.StatusCode, null);
    }

    public async Task<(HttpStatusCode Status, string? Location)> PostAsync(string url, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        using var response = await SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_cookies.IsEmpty) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0) continue;
                var name = pair[..equals].Trim();
                var value = pair[(equals + 1)..].Trim();
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.TryRemove(name, out _);
                else _cookies[name] = value;
            }
        }
        request.Dispose();
        return response;
    }

    public void Dispose() => _http.Dispose();
}

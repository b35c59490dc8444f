using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace TongkuangAlliance.IntegrationTests.Authorization;

public sealed class MatrixFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();
    public DemoIds Ids { get; private set; } = null!;
    private readonly Dictionary<Persona, PortalClient> _clients = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task InitializeAsync() => Ids = await Factory.DemoIdsAsync();

    public async Task<PortalClient> ClientAsync(Persona persona, bool fresh = false)
    {
        await _lock.WaitAsync();
        try
        {
            if (!fresh && _clients.TryGetValue(persona, out var existing)) return existing;
            var client = Factory.CreatePortalClient();
            var user = persona switch
            {
                Persona.SubDistrict => PortalClient.Users.SubDistrict,
                Persona.CommunityIn => PortalClient.Users.SouthCommunity,
                Persona.CommunityOut => PortalClient.Users.NorthCommunity,
                Persona.UnitIn => PortalClient.Users.EngineeringUnit,
                Persona.UnitOut => PortalClient.Users.MiddleSchoolUnit,
                Persona.GridIn => GridWorkMatrixRows.GridInUser,
                Persona.GridOut => GridWorkMatrixRows.GridOutUser,
                Persona.VolunteerIn => VolunteersMatrixRows.VolunteerInUser,
                Persona.VolunteerOut => VolunteersMatrixRows.VolunteerOutUser,
                _ => null,
            };
            if (user is not null) await client.SignedInAsAsync(user);
            if (!fresh) _clients[persona] = client;
            return client;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// DESIGN.md §3 as a table: every routed action of the app, for anonymous, each role in scope and each role
/// out of scope. A new action without rows fails <see cref="Every_routed_action_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static IReadOnlyList<MatrixRow> AllRows { get; } = typeof(IMatrixRows).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMatrixRows).IsAssignableFrom(t))
        .OrderBy(t => t.Name)
        .SelectMany(t => ((IMatrixRows)Activator.CreateInstance(t)!).Rows())
        .ToList();

    [Fact]
    public void Every_routed_action_has_a_row()
    {
        var provider = fixture.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        var actions = provider.ActionDescriptors.Items.OfType<ControllerActionDescriptor>().ToList();

        // An action without [HttpGet], [HttpPost]… answers every verb: a GET page would also take a POST (and
        // its antiforgery check would not apply the way the matrix assumes). Every action names its verbs.
        var anyVerb = actions.Where(a => Methods(a).Count == 0).Select(a => $"{a.ControllerName}.{a.ActionName}").Distinct().Order().ToList();
        Assert.True(anyVerb.Count == 0, "Routed actions without an HTTP verb attribute (they accept every verb):\n" + string.Join("\n", anyVerb));

        var routed = actions
            .SelectMany(a => Methods(a).Select(m => $"{m} {a.ControllerName}.{a.ActionName}"))
            .Distinct()
            .ToList();
        var covered = AllRows.Select(r => r.ToString()).ToHashSet();

        var missing = routed.Where(r => !covered.Contains(r)).OrderBy(r => r).ToList();
        Assert.True(missing.Count == 0, "Routed actions without a row in the authorization matrix:\n" + string.Join("\n", missing));

        var stale = covered.Where(r => !routed.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for actions that no longer exist:\n" + string.Join("\n", stale));

        foreach (var row in AllRows)
            Assert.True(row.Expected.Count == Enum.GetValues<Persona>().Length, $"{row} does not say what every persona gets");
    }

    [Theory]
    [MemberData(nameof(RowCases))]
    public async Task Each_persona_gets_what_the_matrix_says(string route, Persona persona)
    {
        var row = AllRows.Single(r => r.ToString() == route);
        var client = await fixture.ClientAsync(persona, row.FreshClient);
        var url = row.Url(fixture.Ids);

        using var response = row.Method == "GET"
            ? await client.GetAsync(url)
            : await client.PostFormAsync(url, "/Account/AccessDenied", row.Form?.Invoke(fixture.Ids) ?? []);
        if (row.FreshClient) client.Dispose();

        var actual = Classify(response);
        Assert.True(row.Expected[persona] == actual,
            $"{row} {url} as {persona}: expected {row.Expected[persona]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
    }

    /// <summary>
    /// The same POST, sent without an antiforgery token (as a forged cross-site request would be) by every
    /// persona that may use it — anonymous too for public forms: refused with 400, and nothing written (the
    /// audit table, which every write to an audited record appends to, does not grow; no account changes).
    /// </summary>
    [Theory]
    [MemberData(nameof(PostCasesWithoutToken))]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing(string route, Persona persona)
    {
        var row = AllRows.Single(r => r.ToString() == route);
        var client = await fixture.ClientAsync(persona, row.FreshClient);
        var url = row.Url(fixture.Ids);
        var before = await WrittenStateAsync();

        using var response = await client.PostWithoutTokenAsync(url, row.Form?.Invoke(fixture.Ids) ?? []);
        if (row.FreshClient) client.Dispose();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"{row} {url} as {persona} without a token: expected 400, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, await WrittenStateAsync());
    }

    public static TheoryData<string, Persona> PostCasesWithoutToken()
    {
        var data = new TheoryData<string, Persona>();
        foreach (var row in AllRows.Where(r => r.Method == "POST"))
            foreach (var persona in Enum.GetValues<Persona>().Where(p => row.Expected[p] == Outcome.Ok))
                data.Add(row.ToString(), persona);
        return data;
    }

    private Task<(int Audits, int Users, string Stamps)> WrittenStateAsync() => fixture.Factory.WithDbAsync(async db =>
    {
        var audits = await db.AuditEntries.CountAsync();
        var stamps = await db.Users.OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp).ToListAsync();
        return (audits, stamps.Count, string.Join(",", stamps));
    });

    public static TheoryData<string, Persona> RowCases()
    {
        var data = new TheoryData<string, Persona>();
        foreach (var row in AllRows)
            foreach (var persona in Enum.GetValues<Persona>())
                data.Add(row.ToString(), persona);
        return data;
    }

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
            HttpStatusCode.Redirect or HttpStatusCode.OK => Outcome.Ok,
            _ => null,
        };
    }

    /// <summary>The verbs the action's attributes name; none when it has no verb attribute (then it takes any verb).</summary>
    private static List<string> Methods(ControllerActionDescriptor action) =>
        action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).Distinct().ToList() ?? [];
}

using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Concurrency;

/// <summary>
/// Writes that arrive together: many intakes at the same instant each get a number of their own and are all
/// stored; two edits of one case made from the same version never silently overwrite each other.
/// Runs on SQLite and, in CI, on PostgreSQL (real concurrent transactions).
/// </summary>
public sealed class ConcurrentWritesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_hundred_cases_registered_at_once_get_a_hundred_distinct_numbers_and_are_all_stored()
    {
        const int count = 100;
        var clients = new List<PortalClient>();
        // Four signed-in sessions of 南区社区's staff, 25 intakes each, all sent at once.
        for (var session = 0; session < 4; session++)
            clients.Add(await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity));
        var form = await IntakeAsync(factory);
        var tokens = new List<string>();
        foreach (var client in clients) tokens.Add(await client.AntiforgeryTokenAsync("/Cases/Create"));
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var client = clients[i % clients.Count];
            var fields = new Dictionary<string, string>(form)
            {
                ["Input.Title"] = $"同时登记的案件 {i:D3}",
                ["__RequestVerificationToken"] = tokens[i % clients.Count],
            };
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.Http.PostAsync("/Cases/Create", content);
            return ((int)response.StatusCode, response.Headers.Location?.OriginalString ?? "");
        }));

        Assert.All(answers, a => Assert.True(a.Item1 == 302 && a.Item2.StartsWith("/Cases/Details/", StringComparison.Ordinal), $"{a.Item1} {a.Item2}"));
        var ids = answers.Select(a => int.Parse(a.Item2["/Cases/Details/".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(count, ids.Distinct().Count());

        var stored = await factory.WithDbAsync(db => db.Cases.Where(c => c.Title.StartsWith("同时登记的案件")).Select(c => new { c.Id, c.Number, c.Title }).ToListAsync());
        Assert.Equal(count, stored.Count);
        Assert.Equal(count, stored.Select(c => c.Number).Distinct().Count());
        Assert.Equal(count, stored.Select(c => c.Title).Distinct().Count());
        Assert.Equal(ids.Order(), stored.Select(c => c.Id).Order());
        Assert.Equal(before + count, await factory.WithDbAsync(db => db.Cases.CountAsync()));
        // Each intake left its audit record with its own key.
        var idTexts = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(count, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Case" && a.Action == "Added" && idTexts.Contains(a.EntityId))));
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task Two_edits_of_one_case_sent_at_once_from_the_same_version_one_wins_the_other_is_told()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "两人同时修改的案件"));
        var page = await nanqu.GetDocumentAsync($"/Cases/Edit/{id}");
        var form = page.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name], form[method=post] select[name]")
            .Where(e => e.Closest("form")!.GetAttribute("action")?.Contains("/Cases/Edit", StringComparison.Ordinal) == true)
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => FieldValue(g.First()));
        form.Remove("__RequestVerificationToken");
        var nanquForm = new Dictionary<string, string>(form) { ["Input.Title"] = "社区改的标题", ["__RequestVerificationToken"] = await nanqu.AntiforgeryTokenAsync($"/Cases/Edit/{id}") };
        var jiedaoForm = new Dictionary<string, string>(form) { ["Input.Title"] = "街道改的标题", ["__RequestVerificationToken"] = await jiedao.AntiforgeryTokenAsync($"/Cases/Edit/{id}") };

        var results = await Task.WhenAll(
            PostAsync(nanqu, $"/Cases/Edit/{id}", nanquForm),
            PostAsync(jiedao, $"/Cases/Edit/{id}", jiedaoForm));

        var winners = results.Where(r => r.Status == HttpStatusCode.Redirect).ToList();
        var losers = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
        Assert.True(winners.Count == 1 && losers.Count == 1, string.Join(", ", results.Select(r => r.Status)));
        Assert.Contains("其他人已修改了这条记录", losers[0].Body, StringComparison.Ordinal);

        var winnerTitle = results[0].Status == HttpStatusCode.Redirect ? "社区改的标题" : "街道改的标题";
        var loserTitle = winnerTitle == "社区改的标题" ? "街道改的标题" : "社区改的标题";
        Assert.Contains(winnerTitle, losers[0].Body, StringComparison.Ordinal); // the loser is shown the winner's change
        Assert.Equal(winnerTitle, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));

        // The winner's change is in the audit with its before and after; the loser's left no trace to lose.
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var changes = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Case" && a.EntityId == idText && a.Action == "Modified").Select(a => a.Changes).ToListAsync());
        var titleChange = Assert.Single(changes, c => c.Contains("\"Title\"", StringComparison.Ordinal));
        Assert.Contains("两人同时修改的案件", titleChange, StringComparison.Ordinal);
        Assert.Contains(winnerTitle, titleChange, StringComparison.Ordinal);
        Assert.DoesNotContain(changes, c => c.Contains(loserTitle, StringComparison.Ordinal));
    }

    private static string FieldValue(AngleSharp.Dom.IElement element) => element switch
    {
        AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
        AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
        _ => element.GetAttribute("value") ?? "",
    };

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(PortalClient client, string url, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync(url, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

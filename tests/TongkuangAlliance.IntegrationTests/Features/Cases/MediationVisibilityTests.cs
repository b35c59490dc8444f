using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>
/// Mediation content is for the handling community and the sub-district. A grid worker of the case's grid works the
/// case but reads the sessions only when it is the case's handler.
/// </summary>
public sealed class MediationVisibilityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Minutes = "纪要：工程部承认路灯在保修期内，同意更换。";
    private const string Outcome = "初步达成一致，待签协议";
    private const string Place = "南区社区调解室甲";

    private static Dictionary<string, string> Session() => new()
    {
        ["heldAt"] = ChinaNow(-1), ["place"] = Place, ["convenedBy"] = "南区社区党委",
        ["attendees"] = "刘贤英；铜矿工程部代表", ["minutes"] = Minutes, ["outcome"] = Outcome,
    };

    private async Task<int> CaseInFirstSouthGridAsync(PortalClient nanqu, string title, string handler)
    {
        var form = await IntakeAsync(factory, title);
        form["Input.GridId"] = $"{await factory.WithDbAsync(db => db.Grids.Where(g => g.Community!.Name == DemoCatalog.SouthCommunity && g.Name == "第1网格").Select(g => g.Id).SingleAsync())}";
        var id = await RegisterAsync(nanqu, form);
        var handlerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == handler).Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = handlerId });
        await DoAsync(nanqu, id, "StartMediation");
        return id;
    }

    [Fact]
    public async Task A_grid_worker_who_does_not_handle_the_case_sees_that_sessions_were_held_but_not_what_was_said()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await CaseInFirstSouthGridAsync(nanqu, "调解内容可见范围", "nanqu");
        await DoAsync(nanqu, id, "RecordSession", Session());
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "刘贤英", ["phone"] = StoryPhone, ["role"] = "Complainant" });
        var party = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).SelectMany(c => c.Parties).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Apology", ["description"] = "书面致歉", ["dueDate"] = ChinaToday(7) });

        var community = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains(Minutes, HtmlAssert.MainText(community), StringComparison.Ordinal);
        Assert.NotNull(community.QuerySelector("a[href*='/Agreements/Print']"));

        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var page = await worker.GetDocumentAsync($"/Cases/Details/{id}");
        var text = HtmlAssert.MainText(page);
        foreach (var secret in new[] { Minutes, Outcome, Place, "铜矿工程部代表" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("已召开 1 次调解会", page.QuerySelector("#sessions-withheld")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#step-session"));
        Assert.Null(page.QuerySelector("a[href*='/Agreements/Print']"));
        Assert.Contains("书面致歉", text, StringComparison.Ordinal); // the terms themselves are followed up by the grid

        // Posting the form anyway is refused with the message, and nothing is recorded.
        var refused = await RefusedAsync(worker, id, "RecordSession", Session());
        Assert.Contains("调解会记录只由承办社区、街道或本案承办人填写", HtmlAssert.Summary(refused), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<MediationSession>().CountAsync(s => s.CaseId == id)));
    }

    [Fact]
    public async Task A_grid_worker_who_handles_the_case_records_sessions_and_reads_them()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await CaseInFirstSouthGridAsync(nanqu, "网格员承办的调解", "wangge-nanqu1");

        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        await DoAsync(worker, id, "RecordSession", Session());

        var page = await worker.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains(Minutes, HtmlAssert.MainText(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#sessions-withheld"));
        using var print = await worker.GetAsync($"/Agreements/Print/{id}");
        // Printing stays with the community, as the matrix says: refused by role.
        Assert.Equal(HttpStatusCode.Redirect, print.StatusCode);
        Assert.Contains("/Account/AccessDenied", print.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

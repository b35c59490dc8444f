using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>Intake by the sub-district for a community it chooses; correcting the intake, with the concurrency rule.</summary>
public sealed class CaseEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> FormOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("form[method=post] input[name^='Input.'], form[method=post] textarea[name^='Input.'], form[method=post] select[name^='Input.']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
                _ => "",
            });

    [Fact]
    public async Task The_sub_district_registers_a_case_for_the_community_it_chooses()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var south = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == "南区社区").Select(c => c.Id).SingleAsync());
        var picker = await jiedao.GetDocumentAsync("/Cases/Create");
        Assert.NotNull(picker.QuerySelector("select[name=communityId]"));

        var form = await IntakeAsync(factory, "街道代为登记的案件");
        form["Input.CommunityId"] = $"{south}";
        var id = await RegisterAsync(jiedao, form);

        Assert.Equal(south, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CommunityId).SingleAsync()));
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        Assert.Contains("街道代为登记的案件", HtmlAssert.MainText(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_saved_over_someone_elses_is_refused_with_their_change_shown()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "待修改的案件"));
        var mine = FormOf(await nanqu.GetDocumentAsync($"/Cases/Edit/{id}"));
        var theirs = new Dictionary<string, string>(mine) { ["Input.Title"] = "同事改过的标题" };
        mine["Input.Title"] = "我改的标题";

        using (var first = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", theirs))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", mine);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await PortalClient.ParseAsync(await second.Content.ReadAsStringAsync());
        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Contains("同事改过的标题", page.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("同事改过的标题", await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
        var edits = await factory.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id && e.Kind == CaseEventKind.Edited));
        Assert.Equal(1, edits);
    }

    [Fact]
    public async Task The_edit_form_never_shows_the_whole_phone_and_an_empty_phone_field_keeps_it()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "改正时不显示电话"));

        var page = await nanqu.GetDocumentAsync($"/Cases/Edit/{id}");
        Assert.DoesNotContain(StoryPhone, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("139****0606", page.QuerySelector("#phone-kept")!.TextContent, StringComparison.Ordinal);
        var form = FormOf(page);
        Assert.Equal("", form["Input.ReporterPhone"]);

        form["Input.Title"] = "改正时不显示电话（已改）";
        form["Input.Urgency"] = "Normal";
        using (var kept = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", form))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(StoryPhone, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.ReporterPhone).SingleAsync()));

        // The timeline names the corrected fields in the user's language, never the phone itself.
        var timeline = (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#timeline li[data-kind=Edited]")!.TextContent;
        Assert.Contains("标题", timeline, StringComparison.Ordinal);
        Assert.Contains("紧急程度", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Title", timeline, StringComparison.Ordinal);

        form = FormOf(await nanqu.GetDocumentAsync($"/Cases/Edit/{id}"));
        form["Input.ReporterPhone"] = "1390793";
        using (var bad = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", form))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await bad.Content.ReadAsStringAsync()), "Input.ReporterPhone"));
        }
        form["Input.ReporterPhone"] = "13812345678";
        using (var replaced = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", form))
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal("13812345678", await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.ReporterPhone).SingleAsync()));
        Assert.Contains("反映人电话", (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelectorAll("#timeline li[data-kind=Edited]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_refused_because_a_colleague_acted_first_lists_what_the_colleague_did()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "两人同时处理"));
        var stale = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var version = stale.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var seen = stale.QuerySelector("input[name=seen]")!.GetAttribute("value")!;

        await DoAsync(nanqu, id, "AddProgressNote", new() { ["text"] = "已电话联系铜矿工程部" });
        var refused = await RefusedAsync(nanqu, id, "AddProgressNote", new() { ["text"] = "我也来记一笔", ["seen"] = seen }, version);

        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(refused), StringComparison.Ordinal);
        var meanwhile = refused.QuerySelector("#changed-meanwhile")!.TextContent;
        Assert.Contains("已电话联系铜矿工程部", meanwhile, StringComparison.Ordinal);
        Assert.DoesNotContain("我也来记一笔", meanwhile, StringComparison.Ordinal);
        Assert.DoesNotContain("登记", meanwhile.Split('：', 2)[^1], StringComparison.Ordinal); // the registration was already on the user's page
        Assert.Equal(0, await factory.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id && e.Summary == "我也来记一笔")));
    }

    [Fact]
    public async Task The_sub_district_s_attention_list_holds_open_escalated_and_overdue_cases_and_the_home_page_counts_them()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var escalated = await RegisterAsync(nanqu, await IntakeAsync(factory, "升级待关注"));
        await DoAsync(nanqu, escalated, "Escalate", new() { ["reason"] = "涉及市政工程，需街道协调" });
        var closedEscalated = await RegisterAsync(nanqu, await IntakeAsync(factory, "升级后撤回"));
        await DoAsync(nanqu, closedEscalated, "Escalate", new() { ["reason"] = "需街道协调" });
        await DoAsync(nanqu, closedEscalated, "CloseEarly", new() { ["closeKind"] = "Withdrawn", ["reason"] = "居民撤回" });
        var quiet = await RegisterAsync(nanqu, await IntakeAsync(factory, "刚登记不需关注"));

        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        async Task<List<string>> RowsAsync(string q) =>
            (await jiedao.GetDocumentAsync("/Cases?attention=true&q=" + Uri.EscapeDataString(q))).QuerySelectorAll("#cases tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(await RowsAsync("升级待关注"), r => r.Contains("升级待关注", StringComparison.Ordinal));
        Assert.Empty(await RowsAsync("刚登记不需关注"));
        Assert.Empty(await RowsAsync("升级后撤回"));
        Assert.Single(await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == quiet || c.Id == closedEscalated).Where(c => c.Status == CaseStatus.Registered).ToListAsync()));

        var expected = await factory.WithDbAsync(db => db.Cases.CountAsync(Core.Cases.Case.EscalatedOrOverdueAt(DateTime.UtcNow)));
        var home = await jiedao.GetDocumentAsync("/");
        var alert = home.QuerySelector("#cases-attention a")!;
        Assert.Contains($"{expected} 件案件需要街道关注", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("attention=true", alert.GetAttribute("href"), StringComparison.Ordinal);
    }
}

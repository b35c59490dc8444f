using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.IntegrationTests.Authorization;

namespace TongkuangAlliance.IntegrationTests.Features.GridWork;

/// <summary>Grid workers: scope to their grids, "my grid", quick intake, visits and visit → case, picking a case up; accounts; summary; QR sheets.</summary>
public sealed class GridWorkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Today(int addDays = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(addDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> GridIdAsync(string community, string grid) =>
        factory.WithDbAsync(db => db.Grids.Where(g => g.Community!.Name == community && g.Name == grid).Select(g => g.Id).SingleAsync());

    private Task<int> BuildingIdAsync(string compound, string building) =>
        factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == compound && b.Name == building).Select(b => b.Id).SingleAsync());

    private static int IdFrom(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return int.Parse(location[prefix.Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task First_demo_visit_is_in_the_south_grid_of_the_matrix()
    {
        var ids = await factory.DemoIdsAsync();
        var grid = await factory.WithDbAsync(db => db.Visits.Where(v => v.Id == GridWorkMatrixRows.SouthVisit).Select(v => v.GridId).SingleAsync());
        Assert.Equal(ids.SouthGrid, grid);
        Assert.Equal(await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格"), ids.SouthGrid);
    }

    [Fact]
    public async Task A_grid_worker_sees_the_cases_of_its_grid_and_not_those_of_the_next_grid()
    {
        var ids = await factory.DemoIdsAsync();
        var story = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == ids.StoryCase).Select(c => c.Number).SingleAsync());
        var visitCase = await factory.WithDbAsync(db => db.Cases.Where(c => c.Title == DemoGridWork.VisitCaseTitle).Select(c => new { c.Id, c.Number }).SingleAsync());

        using var south1 = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        using var south2 = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu2");
        using var north1 = await factory.CreatePortalClient().SignedInAsAsync("wangge-beiqu1");

        // Searched by number: the demo's case history puts more closed cases in this grid than a page holds.
        var list1 = HtmlAssert.MainText(await south1.GetDocumentAsync($"/Cases?status=Closed&q={story}"));
        Assert.Contains(story, list1);
        var list2 = HtmlAssert.MainText(await south2.GetDocumentAsync("/Cases"));
        Assert.Contains(visitCase.Number, list2);
        Assert.DoesNotContain(story, HtmlAssert.MainText(await south2.GetDocumentAsync($"/Cases?status=Closed&q={story}")));

        foreach (var (client, id) in new[] { (south2, ids.StoryCase), (north1, ids.StoryCase), (south1, visitCase.Id) })
        {
            using var response = await client.GetAsync($"/Cases/Details/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var export = await south2.GetAsync("/Cases/Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        // A grid worker's scope is shown in the top bar, and "home" is its grid.
        using var home = await south1.GetAsync("/");
        Assert.Equal("/GridWork", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task My_grid_lists_buildings_with_chiefs_to_call_and_open_cases_with_their_flags()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var page = await worker.GetDocumentAsync("/GridWork");
        var grid = page.QuerySelector(".my-grid")!;
        Assert.Contains("南区社区 第1网格", grid.QuerySelector("h2")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".my-grid"));
        var calls = grid.QuerySelectorAll(".grid-buildings a[href^='tel:']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, href => Assert.Matches(@"^tel:1\d{10}$", href));
        Assert.Contains("建安小区 1栋", grid.QuerySelector(".grid-buildings")!.TextContent);
        Assert.DoesNotContain("建安小区 3栋", grid.QuerySelector(".grid-buildings")!.TextContent);
        var cases = grid.QuerySelector(".grid-cases")!.TextContent;
        Assert.Contains(DemoGridWork.ResidentCaseTitle, cases);
        Assert.Contains("群众网上反映", cases);
    }

    [Fact]
    public async Task Quick_intake_fills_community_grid_and_building_and_refuses_a_building_of_another_grid()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var building = await BuildingIdAsync("建安小区", "1栋");
        var foreign = await BuildingIdAsync("建安小区", "3栋"); // 第2网格
        var category = await factory.WithDbAsync(db => db.CaseCategories.Where(c => c.Name == "邻里纠纷").Select(c => c.Id).SingleAsync());
        Dictionary<string, string> Form(int b) => new()
        {
            ["Input.BuildingId"] = $"{b}", ["Input.Kind"] = "Dispute", ["Input.Urgency"] = "Urgent", ["Input.CategoryId"] = $"{category}",
            ["Input.ReporterName"] = "赵大爷", ["Input.ReporterPhone"] = "13707931111",
            ["Input.Title"] = "楼上漏水纠纷", ["Input.Description"] = "1 栋 302 厨房漏水到 202，两家争执。",
        };

        var page = await worker.GetDocumentAsync($"/GridWork/Intake?buildingId={building}");
        Assert.Equal($"{building}", page.QuerySelector("select[name='Input.BuildingId'] option[selected]")!.GetAttribute("value"));

        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());
        using (var refused = await worker.PostFormAsync("/GridWork/Intake", "/GridWork/Intake", Form(foreign)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync()), "Input.BuildingId"));
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.Cases.CountAsync()));

        using var response = await worker.PostFormAsync("/GridWork/Intake", "/GridWork/Intake", Form(building));
        var id = IdFrom(response, "/Cases/Details/");
        var kase = await factory.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Building).SingleAsync(c => c.Id == id));
        Assert.Equal((CaseSource.GridReport, await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格"), building), (kase.Source, kase.GridId!.Value, kase.BuildingId!.Value));
        Assert.Equal(kase.Building!.CompoundId, kase.CompoundId);

        // The grid worker picks it up: it may name itself as the handler.
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "wangge-nanqu1").Select(u => u.Id).SingleAsync());
        var details = await worker.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains(details.QuerySelectorAll("select[name=handlerUserId] option"), o => o.GetAttribute("value") == me);
        var version = details.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        using var accept = await worker.PostFormAsync($"/Cases/Accept/{id}", $"/Cases/Details/{id}", new() { ["version"] = version, ["handlerUserId"] = me });
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var accepted = await factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((CaseStatus.Accepted, me), (accepted.Status, accepted.HandlerUserId));

        // The grid worker of the next grid cannot be made its handler.
        var other = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "wangge-nanqu2").Select(u => u.Id).SingleAsync());
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync("nanqu");
        Assert.DoesNotContain((await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelectorAll("select[name=handlerUserId] option"), o => o.GetAttribute("value") == other);
    }

    [Fact]
    public async Task Staff_intake_by_a_grid_worker_must_name_one_of_its_grids()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var form = await Cases.CaseTestKit.IntakeAsync(factory, "网格员从案件页登记");
        form["Input.GridId"] = $"{await GridIdAsync(DemoCatalog.SouthCommunity, "第2网格")}";
        using var refused = await worker.PostFormAsync("/Cases/Create", "/Cases/Create", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync()), "Input.GridId"));

        form["Input.GridId"] = $"{await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格")}";
        using var created = await worker.PostFormAsync("/Cases/Create", "/Cases/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [Fact]
    public async Task A_visit_is_recorded_and_becomes_a_case_in_one_step_linked_both_ways()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu2");
        var grid = await GridIdAsync(DemoCatalog.SouthCommunity, "第2网格");
        var building = await BuildingIdAsync("建安小区", "4栋");
        var visitForm = new Dictionary<string, string>
        {
            ["Input.GridId"] = $"{grid}", ["Input.BuildingId"] = $"{building}", ["Input.Place"] = "2 单元 601 室",
            ["Input.VisitedOn"] = Today(), ["Input.Findings"] = "住户反映楼顶水箱漏水，顶楼天花板发霉。",
            ["Input.FollowUpNeeded"] = "true", ["Input.FollowUpNote"] = "联系物业检修水箱",
        };

        // Bad input first: a date in the future, no findings, a building of another grid.
        foreach (var (field, value) in new[] { ("Input.VisitedOn", Today(2)), ("Input.Findings", ""), ("Input.BuildingId", $"{await BuildingIdAsync("建安小区", "1栋")}") })
        {
            var bad = new Dictionary<string, string>(visitForm) { [field] = value };
            using var refused = await worker.PostFormAsync("/GridWork/CreateVisit", "/GridWork/CreateVisit", bad);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync()), field));
        }

        using var recorded = await worker.PostFormAsync("/GridWork/CreateVisit", "/GridWork/CreateVisit", visitForm);
        var visitId = IdFrom(recorded, "/GridWork/Visit/");
        var visitPage = await worker.GetDocumentAsync($"/GridWork/Visit/{visitId}");
        Assert.Contains("水箱漏水", HtmlAssert.MainText(visitPage));
        var version = visitPage.QuerySelector("input[name='CaseInput.Version']")!.GetAttribute("value")!;

        // The neighbouring grid's worker cannot open it.
        using (var other = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1"))
        using (var hidden = await other.GetAsync($"/GridWork/Visit/{visitId}"))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var category = await factory.WithDbAsync(db => db.CaseCategories.Where(c => c.Name == "物业管理").Select(c => c.Id).SingleAsync());
        var caseForm = new Dictionary<string, string>
        {
            ["CaseInput.Version"] = version, ["CaseInput.Kind"] = "Request", ["CaseInput.Urgency"] = "Normal", ["CaseInput.CategoryId"] = $"{category}",
            ["CaseInput.Title"] = "4 栋楼顶水箱漏水", ["CaseInput.ReporterName"] = "钱阿姨", ["CaseInput.ReporterPhone"] = "13507932222",
        };
        using var made = await worker.PostFormAsync($"/GridWork/VisitToCase/{visitId}", $"/GridWork/Visit/{visitId}", caseForm);
        var caseId = IdFrom(made, "/Cases/Details/");

        var (visitCase, kase) = await factory.WithDbAsync(async db => (
            await db.Visits.Where(v => v.Id == visitId).Select(v => v.CaseId).SingleAsync(),
            await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId)));
        Assert.Equal(caseId, visitCase);
        Assert.Equal((CaseSource.GridReport, grid, building), (kase.Source, kase.GridId!.Value, kase.BuildingId!.Value));
        // The visit's audit row names the case by the key it was given, not by EF's temporary one of the shared save.
        var visitAudit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Visit" && e.EntityId == $"{visitId}" && e.Action == "Modified")
            .OrderByDescending(e => e.Id).Select(e => e.Changes).FirstAsync());
        Assert.Contains($"\"CaseId\":[null,{caseId}]", visitAudit, StringComparison.Ordinal);
        Assert.Contains("水箱漏水", kase.Description, StringComparison.Ordinal);

        var casePage = await worker.GetDocumentAsync($"/Cases/Details/{caseId}");
        Assert.Equal($"/GridWork/Visit/{visitId}", casePage.QuerySelector("a.case-from-visit")!.GetAttribute("href"));
        var after = await worker.GetDocumentAsync($"/GridWork/Visit/{visitId}");
        Assert.Equal(kase.Number, after.QuerySelector("a.visit-case")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("input[name='CaseInput.Version']"));

        // A second time makes no second case.
        var count = await factory.WithDbAsync(db => db.Cases.CountAsync());
        caseForm["CaseInput.Version"] = await factory.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.Version.ToString()).SingleAsync());
        using var twice = await worker.PostFormAsync($"/GridWork/VisitToCase/{visitId}", $"/GridWork/Visit/{visitId}", caseForm);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var twicePage = await PortalClient.ParseAsync(await twice.Content.ReadAsStringAsync());
        Assert.Contains("已经转为案件", HtmlAssert.Summary(twicePage));
        Assert.Equal(count, await factory.WithDbAsync(db => db.Cases.CountAsync()));

        // The community sees it in its ledger and in the month's count of that grid.
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync("nanqu");
        var ledger = await nanqu.GetDocumentAsync($"/GridWork/Visits?gridId={grid}&month={Today()[..7]}");
        Assert.Contains("2 单元 601 室", ledger.QuerySelector(".visit-list")!.TextContent);
        var summary = await nanqu.GetDocumentAsync("/GridWork/Summary");
        var row = summary.QuerySelector($".grid-summary tr[data-grid='{grid}']")!;
        var visitsThisMonth = await factory.WithDbAsync(db => db.Visits.CountAsync(v => v.GridId == grid && v.VisitedOn.Month == DateTime.UtcNow.AddHours(8).Month && v.VisitedOn.Year == DateTime.UtcNow.AddHours(8).Year));
        var rowCells = row.QuerySelectorAll("td");
        Assert.Equal($"{visitsThisMonth}", rowCells[^1].TextContent.Trim());
        Assert.DoesNotContain("北区社区", summary.QuerySelector(".grid-summary")!.TextContent);
    }

    [Fact]
    public async Task Grid_summary_counts_cases_settled_without_going_up()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync("jiedao");
        var summary = await jiedao.GetDocumentAsync("/GridWork/Summary");
        var south1 = await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格");
        var expected = await factory.WithDbAsync(db => db.Cases.CountAsync(c => c.GridId == south1
            && (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.FollowedUp || c.Status == CaseStatus.Closed) && c.CloseKind == null && c.EscalatedAtUtc == null));
        Assert.True(expected >= 1); // the story case was settled by the community
        var cells = summary.QuerySelector($".grid-summary tr[data-grid='{south1}']")!.QuerySelectorAll("td");
        Assert.Equal($"{expected}", cells[3].TextContent.Trim());
        Assert.Contains("北区社区", summary.QuerySelector(".grid-summary")!.TextContent);
        Assert.Equal(6, summary.QuerySelectorAll(".visits-per-month thead th").Length - 1);
    }

    [Fact]
    public async Task QR_sheets_carry_a_code_for_each_building_that_opens_the_form_with_the_place()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var building = await BuildingIdAsync("建安小区", "1栋");
        var sheet = await worker.GetDocumentAsync($"/GridWork/BuildingSheet/{building}");
        var section = Assert.Single(sheet.QuerySelectorAll(".qr-sheet"));
        Assert.StartsWith("data:image/png;base64,", section.QuerySelector("img.qr-sheet-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.EndsWith($"/Residents/Report?building={building}", section.QuerySelector(".qr-sheet-url")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(sheet.QuerySelector("#portal-menu"));

        var grid = await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格");
        var all = await worker.GetDocumentAsync($"/GridWork/GridSheet/{grid}");
        var count = await factory.WithDbAsync(db => db.Buildings.CountAsync(b => b.GridId == grid));
        Assert.Equal(count, all.QuerySelectorAll(".qr-sheet").Length);
    }

    [Fact]
    public async Task The_sub_district_creates_and_rescopes_grid_worker_accounts_with_grids_of_one_community()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync("jiedao");
        var south = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == DemoCatalog.SouthCommunity).Select(c => c.Id).SingleAsync());
        var g1 = await GridIdAsync(DemoCatalog.SouthCommunity, "第1网格");
        var g3 = await GridIdAsync(DemoCatalog.SouthCommunity, "第3网格");
        var north = await GridIdAsync("北区社区", "第1网格");
        var form = new Dictionary<string, string>
        {
            ["UserName"] = "wangge-test", ["Password"] = "Wangge2026x", ["DisplayName"] = "测试网格员",
            ["Role"] = "GridWorker", ["CommunityId"] = $"{south}",
        };

        var page = await jiedao.GetDocumentAsync("/Accounts/Create");
        Assert.NotEmpty(page.QuerySelectorAll("input[name=GridIds]"));

        using (var none = await jiedao.PostFormAsync("/Accounts/Create", "/Accounts/Create", form))
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await none.Content.ReadAsStringAsync()), "GridIds"));

        // A grid of another community: refused (FormUrlEncodedContent has one value per key, so post them by hand).
        async Task<HttpResponseMessage> PostWithGridsAsync(string url, Dictionary<string, string> fields, params int[] grids)
        {
            var token = await jiedao.AntiforgeryTokenAsync(url);
            var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
                .Concat(grids.Select(g => new KeyValuePair<string, string>("GridIds", $"{g}")))
                .Append(new("__RequestVerificationToken", token));
            using var content = new FormUrlEncodedContent(pairs);
            return await jiedao.Http.PostAsync(url, content);
        }
        using (var mixed = await PostWithGridsAsync("/Accounts/Create", form, g1, north))
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await mixed.Content.ReadAsStringAsync()), "GridIds"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "wangge-test")));

        using (var created = await PostWithGridsAsync("/Accounts/Create", form, g1, g3))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "wangge-test").Select(u => u.Id).SingleAsync());
        Assert.Equal([g1, g3], await factory.WithDbAsync(db => db.AppUserGrids.Where(g => g.UserId == id).Select(g => g.GridId).OrderBy(g => g).ToListAsync()));

        using var worker = factory.CreatePortalClient();
        using (var signIn = await worker.SignInAsync("wangge-test", "Wangge2026x"))
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        Assert.Equal(2, (await worker.GetDocumentAsync("/GridWork")).QuerySelectorAll(".my-grid").Length);

        // Re-scoped to 第3网格 only: the old session ends and the grid list follows.
        var edit = await jiedao.GetDocumentAsync($"/Accounts/Edit/{id}");
        Assert.Equal(2, edit.QuerySelectorAll("input[name=GridIds][checked]").Length);
        var stamp = edit.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        using (var saved = await PostWithGridsAsync($"/Accounts/Edit/{id}", new() { ["DisplayName"] = "测试网格员", ["Role"] = "GridWorker", ["CommunityId"] = $"{south}", ["ConcurrencyStamp"] = stamp }, g3))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([g3], await factory.WithDbAsync(db => db.AppUserGrids.Where(g => g.UserId == id).Select(g => g.GridId).ToListAsync()));
        using (var old = await worker.GetAsync("/GridWork"))
            Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        var history = HtmlAssert.MainText(await jiedao.GetDocumentAsync($"/Accounts/Details/{id}"));
        Assert.Contains("负责网格", history);
        Assert.Contains("南区社区 第3网格", history);

        // Another role drops the grids.
        var stamp2 = (await jiedao.GetDocumentAsync($"/Accounts/Edit/{id}")).QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        using (var community = await PostWithGridsAsync($"/Accounts/Edit/{id}", new() { ["DisplayName"] = "测试网格员", ["Role"] = "CommunityCommittee", ["CommunityId"] = $"{south}", ["ConcurrencyStamp"] = stamp2 }, g3))
            Assert.Equal(HttpStatusCode.Redirect, community.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AppUserGrids.AnyAsync(g => g.UserId == id)));
        Assert.Equal(PortalRole.CommunityCommittee, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));
    }
}

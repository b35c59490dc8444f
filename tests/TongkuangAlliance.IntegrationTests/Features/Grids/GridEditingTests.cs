using AngleSharp.Dom;

namespace TongkuangAlliance.IntegrationTests.Features.Grids;

/// <summary>
/// Changing grids, compounds and buildings and their chiefs. These tests change records, so they run on a
/// portal of their own; each test works on records no other test here touches.
/// </summary>
public sealed class GridEditingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string South = DemoCatalog.SouthCommunity;

    [Fact]
    public async Task Community_committee_changes_a_grid_chief_and_a_building_chief_and_sees_them_on_the_community_page()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using (var response = await client.SubmitAsync($"/Grids/Edit/{ids.SouthGrid}", new() { ["Chief.Name"] = "赵志刚", ["Chief.Phone"] = "13907931111" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Grids/Details/{ids.SouthGrid}", response.Headers.Location!.OriginalString);
        }
        using (var response = await client.SubmitAsync($"/Grids/EditBuilding/{ids.SouthBuilding}", new() { ["Chief.Name"] = "钱秀英", ["Chief.Phone"] = "0793-7519999" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var landing = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
            Assert.Equal("已保存。", landing.QuerySelector(".alert-success")?.TextContent.Replace("✓", "", StringComparison.Ordinal).Trim());
            Assert.Contains("钱秀英", HtmlAssert.MainText(landing), StringComparison.Ordinal);
        }

        var community = await client.GetDocumentAsync($"/Communities/Details/{ids.SouthCommunity}");
        var text = HtmlAssert.MainText(community);
        Assert.Contains("赵志刚", text, StringComparison.Ordinal);
        Assert.Contains("钱秀英", text, StringComparison.Ordinal);
        Assert.NotNull(community.QuerySelector("main a[href='tel:13907931111']"));
        Assert.NotNull(community.QuerySelector("main a[href='tel:0793-7519999']"));

        var grid = await client.GetDocumentAsync($"/Grids/Details/{ids.SouthGrid}");
        Assert.Contains("赵志刚", grid.QuerySelector(".grid-chief")!.TextContent, StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Id == ids.SouthBuilding)
            .Select(b => new { b.Chief!.Name, b.Chief.Phone, b.ModifiedBy }).SingleAsync());
        Assert.Equal(("钱秀英", "0793-7519999"), (stored.Name, stored.Phone));
        Assert.NotNull(stored.ModifiedBy);
    }

    [Fact]
    public async Task Clearing_both_fields_makes_the_post_vacant_and_the_home_page_counts_it()
    {
        var gridId = await factory.GridIdAsync(South, "第2网格");
        var buildingId = await factory.BuildingIdAsync("南山小区", "1栋");
        using var subDistrict = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var before = await subDistrict.SubDistrictVacanciesAsync();
        var communityBefore = await nanqu.CommunityBuildingVacanciesAsync();

        using (var response = await nanqu.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Chief.Name"] = "", ["Chief.Phone"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await nanqu.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["Chief.Name"] = "", ["Chief.Phone"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal((before.GridChiefs + 1, before.BuildingChiefs + 1), await subDistrict.SubDistrictVacanciesAsync());
        Assert.Equal(communityBefore + 1, await nanqu.CommunityBuildingVacanciesAsync());
        var grid = await nanqu.GetDocumentAsync($"/Grids/Details/{gridId}");
        Assert.Contains("空缺", grid.QuerySelector(".grid-chief")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Grids.AnyAsync(g => g.Id == gridId && g.Chief == null)));

        var vacantList = await subDistrict.GridRowsAsync("/Grids?vacant=true");
        Assert.Contains(vacantList, r => r.Community == South && r.Grid == "第2网格");
    }

    [Fact]
    public async Task A_name_without_a_phone_or_a_phone_without_a_name_is_refused_next_to_the_field()
    {
        var gridId = await factory.GridIdAsync(South, "第3网格");
        var before = await ChiefOfGridAsync(gridId);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using (var response = await client.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Chief.Name"] = "孙丽", ["Chief.Phone"] = "" }))
        {
            var document = await response.RedisplayedAsync();
            Assert.Equal("填写了姓名，请同时填写电话。", HtmlAssert.FieldError(document, "Chief.Phone"));
        }
        using (var response = await client.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Chief.Name"] = " ", ["Chief.Phone"] = "13907935555" }))
        {
            var document = await response.RedisplayedAsync();
            Assert.Equal("填写了电话，请同时填写姓名。", HtmlAssert.FieldError(document, "Chief.Name"));
        }
        var buildingId = await factory.BuildingIdAsync("建安小区", "3栋");
        using (var response = await client.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["Chief.Name"] = "孙丽", ["Chief.Phone"] = "" }))
        {
            var document = await response.RedisplayedAsync();
            Assert.Equal("填写了姓名，请同时填写电话。", HtmlAssert.FieldError(document, "Chief.Phone"));
        }

        Assert.Equal(before, await ChiefOfGridAsync(gridId));
        Assert.NotNull(await factory.WithDbAsync(db => db.Buildings.Where(b => b.Id == buildingId).Select(b => b.Chief!.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_invalid_phone_is_refused_with_a_message()
    {
        var gridId = await factory.GridIdAsync(South, "第3网格");
        var before = await ChiefOfGridAsync(gridId);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using var response = await client.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Chief.Name"] = "孙丽", ["Chief.Phone"] = "12345" });
        var document = await response.RedisplayedAsync();

        Assert.StartsWith("请填写有效的电话号码", HtmlAssert.FieldError(document, "Chief.Phone"), StringComparison.Ordinal);
        Assert.Equal(before, await ChiefOfGridAsync(gridId));
    }

    [Fact]
    public async Task Names_must_be_unique_in_the_community_and_at_most_100_characters()
    {
        var gridId = await factory.GridIdAsync(South, "第3网格");
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using (var response = await client.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Name"] = "第1网格" }))
            Assert.Equal("本社区已有同名网格。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));
        using (var response = await client.SubmitAsync($"/Grids/Create?communityId={ids.SouthCommunity}", new() { ["Name"] = " 第2网格 " }))
            Assert.Equal("本社区已有同名网格。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));
        using (var response = await client.SubmitAsync($"/Grids/Edit/{gridId}", new() { ["Name"] = new string('网', 101) }))
            Assert.Equal("网格名称不能超过 100 个字。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));
        using (var response = await client.SubmitAsync($"/Grids/CreateCompound?communityId={ids.SouthCommunity}", new() { ["Name"] = "南山小区" }))
            Assert.Equal("本社区已有同名小区。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));
        using (var response = await client.SubmitAsync($"/Grids/EditBuilding/{ids.SouthBuilding}", new() { ["Name"] = "2栋" }))
            Assert.Equal("该小区已有同名楼栋。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));

        Assert.Equal(3, await factory.WithDbAsync(db => db.Grids.CountAsync(g => g.CommunityId == ids.SouthCommunity)));
        Assert.Equal("第3网格", await factory.WithDbAsync(db => db.Grids.Where(g => g.Id == gridId).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_building_cannot_move_to_a_grid_or_compound_of_another_community()
    {
        var ids = await factory.DemoIdsAsync();
        var buildingId = await factory.BuildingIdAsync("建安小区", "4栋");
        var before = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Id == buildingId).Select(b => new { b.GridId, b.CompoundId }).SingleAsync());

        using var subDistrict = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (var response = await subDistrict.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["GridId"] = $"{ids.NorthGrid}" }))
            Assert.Equal("楼栋所在小区和网格必须属于同一社区。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "GridId"));
        using (var response = await subDistrict.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["CompoundId"] = $"{ids.NorthCompound}" }))
            Assert.Equal("请选择本社区的小区。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "CompoundId"));

        // For the community committee a grid of another community is not a choice at all.
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using (var response = await nanqu.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["GridId"] = $"{ids.NorthGrid}" }))
            Assert.Equal("请选择网格。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "GridId"));

        var after = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Id == buildingId).Select(b => new { b.GridId, b.CompoundId }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_building_moves_to_another_grid_of_its_community()
    {
        var buildingId = await factory.BuildingIdAsync("南山小区", "4栋");
        var target = await factory.GridIdAsync(South, "第1网格");
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using var response = await client.SubmitAsync($"/Grids/EditBuilding/{buildingId}", new() { ["GridId"] = $"{target}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Grids/Details/{target}", response.Headers.Location!.OriginalString);
        Assert.Equal(target, await factory.WithDbAsync(db => db.Buildings.Where(b => b.Id == buildingId).Select(b => b.GridId).SingleAsync()));
    }

    [Fact]
    public async Task A_second_save_from_the_same_old_version_shows_the_conflict_and_keeps_the_first_save()
    {
        var gridId = await factory.GridIdAsync("东区社区", "第1网格");
        using var first = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var second = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var url = $"/Grids/Edit/{gridId}";
        var firstForm = await first.OpenFormAsync(url);
        var secondForm = await second.OpenFormAsync(url);

        // Only the chief changes in both: the owner's version must still move on.
        firstForm["Chief.Name"] = "周先到";
        firstForm["Chief.Phone"] = "13907930001";
        using (var response = await first.PostFormAsync(url, url, firstForm))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        secondForm["Chief.Name"] = "吴后到";
        secondForm["Chief.Phone"] = "13907930002";
        using (var response = await second.PostFormAsync(url, url, secondForm))
        {
            var document = await response.RedisplayedAsync();
            Assert.Equal("保存失败：在您编辑期间，其他人已修改了这条记录。", HtmlAssert.Summary(document));
            Assert.Contains("周先到", document.QuerySelector("main .alert-warning")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("吴后到", document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Chief.Name']")!.Value);
        }

        Assert.Equal(("周先到", "13907930001"), await ChiefOfGridAsync(gridId));
    }

    [Fact]
    public async Task A_conflicting_compound_edit_is_shown_and_nothing_is_overwritten()
    {
        var compoundId = await factory.WithDbAsync(db => db.Compounds.Where(c => c.Name == "矿建小区").Select(c => c.Id).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var url = $"/Grids/EditCompound/{compoundId}";
        var stale = await client.OpenFormAsync(url);

        using (var response = await client.SubmitAsync(url, new() { ["Address"] = "矿建路 8 号" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        stale["Address"] = "矿建路 9 号";
        using (var response = await client.PostFormAsync(url, url, stale))
        {
            var document = await response.RedisplayedAsync();
            Assert.Equal("保存失败：在您编辑期间，其他人已修改了这条记录。", HtmlAssert.Summary(document));
            Assert.Contains("矿建路 8 号", document.QuerySelector("main .alert-warning")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("矿建路 8 号", await factory.WithDbAsync(db => db.Compounds.Where(c => c.Id == compoundId).Select(c => c.Address).SingleAsync()));
    }

    [Fact]
    public async Task Community_committee_adds_a_compound_a_grid_and_a_building()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        using (var response = await client.SubmitAsync($"/Grids/CreateCompound?communityId={ids.SouthCommunity}",
                   new() { ["Name"] = "幸福小区", ["Address"] = "幸福路 1 号", ["PartyBranchName"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Communities/Details/{ids.SouthCommunity}", response.Headers.Location!.OriginalString);
        }
        using (var response = await client.SubmitAsync($"/Grids/Create?communityId={ids.SouthCommunity}", new() { ["Name"] = "第4网格" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var compoundId = await factory.WithDbAsync(db => db.Compounds.Where(c => c.Name == "幸福小区").Select(c => new { c.Id, c.CommunityId, c.PartyBranchName }).SingleAsync());
        Assert.Equal(ids.SouthCommunity, compoundId.CommunityId);
        Assert.Null(compoundId.PartyBranchName);
        var gridId = await factory.GridIdAsync(South, "第4网格");

        var form = await client.OpenFormAsync($"/Grids/CreateBuilding?gridId={gridId}");
        Assert.Equal($"{gridId}", form["GridId"]);
        using (var response = await client.SubmitAsync($"/Grids/CreateBuilding?gridId={gridId}",
                   new() { ["Name"] = "1栋", ["CompoundId"] = $"{compoundId.Id}", ["Chief.Name"] = "郑海", ["Chief.Phone"] = "13907936666" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Grids/Details/{gridId}", response.Headers.Location!.OriginalString);
        }

        var grid = await client.GetDocumentAsync($"/Grids/Details/{gridId}");
        Assert.Contains("空缺", grid.QuerySelector(".grid-chief")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(grid.QuerySelectorAll("main table tbody tr"));
        Assert.Contains("幸福小区", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("a[href='tel:13907936666']"));

        using (var response = await client.SubmitAsync($"/Grids/CreateBuilding?gridId={gridId}", new() { ["Name"] = "1栋", ["CompoundId"] = $"{compoundId.Id}" }))
            Assert.Equal("该小区已有同名楼栋。", HtmlAssert.FieldError(await response.RedisplayedAsync(), "Name"));
    }

    private Task<(string?, string?)> ChiefOfGridAsync(int gridId) =>
        factory.WithDbAsync(db => db.Grids.Where(g => g.Id == gridId)
            .Select(g => new ValueTuple<string?, string?>(g.Chief != null ? g.Chief.Name : null, g.Chief != null ? g.Chief.Phone : null)).SingleAsync());
}

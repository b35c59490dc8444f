namespace TongkuangAlliance.IntegrationTests.Features.Communities;

/// <summary>Community list, details and edits. Own app: these tests change records.</summary>
public sealed class CommunitiesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_list_shows_each_role_only_its_communities()
    {
        async Task<List<string>> Names(string user)
        {
            using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
            var document = await client.GetDocumentAsync("/Communities");
            return document.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        }

        Assert.Equal(6, (await Names(PortalClient.Users.SubDistrict)).Count(n => n.EndsWith("社区", StringComparison.Ordinal)));
        Assert.Equal(["南区社区"], await Names(PortalClient.Users.SouthCommunity));
        Assert.Equal(["南区社区"], await Names(PortalClient.Users.EngineeringUnit));
        Assert.Equal(["北区社区"], await Names(PortalClient.Users.MiddleSchoolUnit));
    }

    [Fact]
    public async Task Search_finds_communities_by_name_or_secretary_and_says_so_when_nothing_matches()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var bySecretary = await client.GetDocumentAsync("/Communities?q=" + Uri.EscapeDataString("吴金盛"));
        Assert.Equal(["南区社区"], bySecretary.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()));

        var none = await client.GetDocumentAsync("/Communities?q=" + Uri.EscapeDataString("不存在的社区"));
        Assert.Empty(none.QuerySelectorAll("main tbody tr"));
        Assert.Contains("没有与“不存在的社区”匹配的记录。", HtmlAssert.MainText(none), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_shows_compounds_grids_buildings_and_paired_units()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var document = await client.GetDocumentAsync($"/Communities/Details/{ids.SouthCommunity}");
        var text = HtmlAssert.MainText(document);

        Assert.Contains("建安小区党支部", text, StringComparison.Ordinal);
        Assert.Contains("铜矿工程部", text, StringComparison.Ordinal);
        var buildings = await factory.WithDbAsync(db => db.Buildings.CountAsync(b => b.Grid!.CommunityId == ids.SouthCommunity));
        Assert.Equal(buildings, document.QuerySelectorAll("main section.card tbody tr").Length);
        Assert.Equal(3, document.QuerySelectorAll("main section.card").Length);
    }

    [Fact]
    public async Task An_out_of_scope_community_is_not_found_and_the_page_does_not_name_it()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var response = await client.GetAsync($"/Communities/Details/{ids.NorthCommunity}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("北区社区", body, StringComparison.Ordinal);
        Assert.Contains("页面不存在", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sub_district_adds_a_community_and_a_duplicate_name_is_a_message_not_an_error()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (var created = await client.PostFormAsync("/Communities/Create", "/Communities/Create", new() { ["Name"] = "凤凰社区", ["PartyCommitteeName"] = "中共凤凰社区委员会", ["Households"] = "800" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Communities.CountAsync(c => c.Name == "凤凰社区")));

        using var duplicate = await client.PostFormAsync("/Communities/Create", "/Communities/Create", new() { ["Name"] = " 凤凰社区 ", ["PartyCommitteeName"] = "x" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var document = await PortalClient.ParseAsync(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("本街道已有同名社区。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Communities.CountAsync(c => c.Name == "凤凰社区")));
    }

    [Theory]
    [InlineData("Name", "", "Name", "请填写社区名称。")]
    [InlineData("Name", "101", "Name", "社区名称不能超过 100 个字。")]
    [InlineData("OfficePhone", "12345", "OfficePhone", "请填写有效的电话号码（11 位手机号，或带区号的座机号，如 0793-7512001）。")]
    [InlineData("Households", "abc", "Households", "“abc”不是有效的户数。")]
    [InlineData("Households", "-5", "Households", "户数必须在 0 到 1000000 之间。")]
    public async Task Bad_input_on_edit_gets_a_message_next_to_the_field_and_changes_nothing(string field, string value, string errorField, string message)
    {
        var ids = await factory.DemoIdsAsync();
        var before = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.NorthCommunity));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        var form = new Dictionary<string, string>
        {
            ["Name"] = before.Name, ["PartyCommitteeName"] = before.PartyCommitteeName, ["Version"] = before.Version.ToString(),
            [field] = value == "101" ? new string('社', 101) : value,
        };

        using var response = await client.PostFormAsync($"/Communities/Edit/{ids.NorthCommunity}", "/", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, HtmlAssert.FieldError(document, errorField));
        var after = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.NorthCommunity));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task A_conflicting_edit_is_refused_and_shows_what_the_other_person_saved()
    {
        var ids = await factory.DemoIdsAsync();
        var loaded = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.SouthCommunity));
        Dictionary<string, string> Form(string secretary) => new()
        {
            ["Name"] = loaded.Name, ["PartyCommitteeName"] = loaded.PartyCommitteeName, ["SecretaryName"] = secretary, ["Version"] = loaded.Version.ToString(),
        };
        using var committee = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var subDistrict = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

        using (var first = await committee.PostFormAsync($"/Communities/Edit/{ids.SouthCommunity}", "/", Form("吴金盛（代）")))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await subDistrict.PostFormAsync($"/Communities/Edit/{ids.SouthCommunity}", "/", Form("另一个人"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var document = await PortalClient.ParseAsync(await second.Content.ReadAsStringAsync());
        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(document), StringComparison.Ordinal);
        Assert.Contains("吴金盛（代）", document.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("另一个人", document.QuerySelector("input[name=SecretaryName]")!.GetAttribute("value"));
        Assert.Equal("吴金盛（代）", await factory.WithDbAsync(db => db.Communities.Where(c => c.Id == ids.SouthCommunity).Select(c => c.SecretaryName).SingleAsync()));
    }

    [Fact]
    public async Task A_community_committee_edits_its_own_community_and_the_change_is_audited()
    {
        var ids = await factory.DemoIdsAsync();
        var loaded = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.NorthCommunity));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);

        using var response = await client.PostFormAsync($"/Communities/Edit/{ids.NorthCommunity}", "/", new()
        {
            ["Name"] = loaded.Name, ["PartyCommitteeName"] = loaded.PartyCommitteeName, ["Address"] = "铜矿街道北区路 3 号", ["Version"] = loaded.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已保存。", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("铜矿街道北区路 3 号", HtmlAssert.MainText(page), StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Community" && a.EntityId == ids.NorthCommunity.ToString() && a.Action == "Modified").ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("北区路 3 号", StringComparison.Ordinal) && a.UserId != null);
    }
}

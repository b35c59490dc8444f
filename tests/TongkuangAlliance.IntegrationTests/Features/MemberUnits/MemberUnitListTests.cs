namespace TongkuangAlliance.IntegrationTests.Features.MemberUnits;

/// <summary>Lists and details of member units, for each role. Read-only: runs on the shared app.</summary>
[Collection(SharedPortal.Name)]
public sealed class MemberUnitListTests(PortalFactory factory)
{
    [Fact]
    public async Task Sub_district_sees_all_fourteen_units_with_kind_party_organisation_contact_and_pairings()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync("/MemberUnits");

        var names = FormValues.FirstCells(document);
        Assert.Equal(14, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("共 14 条", HtmlAssert.MainText(document), StringComparison.Ordinal);

        var school = document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("铜矿中学", StringComparison.Ordinal));
        var cells = school.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["铜矿中学", "学校", "铜矿中学党支部"], cells[..3]);
        var contactPhone = await factory.WithDbAsync(async db => (await db.MemberUnits.SingleAsync(u => u.Name == "铜矿中学")).Contact!.Phone);
        Assert.Equal($"tel:{contactPhone}", school.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("1", cells[4]);

        // 运输部's pairing with 东区 ended: only the one with 西区 is counted.
        var transport = document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("德兴铜矿运输部", StringComparison.Ordinal));
        Assert.Equal("1", transport.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.NotNull(document.QuerySelector("main a[href='/MemberUnits/Create']"));
    }

    [Fact]
    public async Task Community_committee_sees_exactly_the_units_paired_with_it()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var names = FormValues.FirstCells(await client.GetDocumentAsync("/MemberUnits"));
        Assert.Equal(["德兴铜矿党委", "德兴铜矿职工医院", "铜矿工程部"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Community_committee_also_sees_units_whose_pairing_with_it_ended()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync("dongqu");
        var document = await client.GetDocumentAsync("/MemberUnits");
        Assert.Equal(["德兴铜矿泗洲选矿厂", "德兴铜矿运输部", "铜矿派出所"], FormValues.FirstCells(document).Order(StringComparer.Ordinal));
        Assert.Null(document.QuerySelector("main a[href='/MemberUnits/Create']"));

        // Counted in 东区's scope: the transport department is no longer actively paired with it.
        var transport = document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("德兴铜矿运输部", StringComparison.Ordinal));
        Assert.Equal("0", transport.QuerySelectorAll("td")[4].TextContent.Trim());
    }

    [Fact]
    public async Task Paired_unit_sees_only_itself()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        Assert.Equal(["铜矿工程部"], FormValues.FirstCells(await client.GetDocumentAsync("/MemberUnits")));
        Assert.Empty(FormValues.FirstCells(await client.GetDocumentAsync("/MemberUnits?q=中学")));
    }

    [Theory]
    [InlineData("?q=选矿", new[] { "德兴铜矿大山选矿厂", "德兴铜矿泗洲选矿厂" })]
    [InlineData("?q=党总支", new[] { "德兴铜矿动力部", "德兴铜矿职工医院", "德兴铜矿运输部" })]
    [InlineData("?kind=School", new[] { "铜矿中学", "铜矿小学" })]
    [InlineData("?kind=Institution", new[] { "铜矿供电所", "铜矿街道社区卫生服务中心" })]
    [InlineData("?q=铜矿&kind=GovernmentBody", new[] { "铜矿派出所" })]
    public async Task Search_by_name_or_party_organisation_and_filter_by_kind(string query, string[] expected)
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var names = FormValues.FirstCells(await client.GetDocumentAsync("/MemberUnits" + query));
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_search_without_results_says_so_and_keeps_the_filters_in_the_form()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync("/MemberUnits?q=选矿&kind=Hospital");
        Assert.Empty(FormValues.FirstCells(document));
        Assert.Contains("没有符合条件的成员单位", HtmlAssert.MainText(document), StringComparison.Ordinal);
        Assert.Equal("选矿", document.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.Equal("Hospital", document.QuerySelector("select#kind option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Sub_district_sees_every_pairing_of_a_unit_with_status_end_date_reason_and_note()
    {
        var ids = await factory.WithDbAsync(async db => new
        {
            Unit = (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿运输部")).Id,
            East = (await db.Communities.SingleAsync(c => c.Name == "东区社区")).Id,
            West = (await db.Communities.SingleAsync(c => c.Name == "西区社区")).Id,
        });
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync($"/MemberUnits/Details/{ids.Unit}");

        Assert.Equal("德兴铜矿运输部", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(["首页", "成员单位", "德兴铜矿运输部"], document.QuerySelectorAll(".breadcrumb li").Select(li => li.TextContent.Trim()));
        var rows = FormValues.RowTexts(document);
        Assert.Equal(2, rows.Count);
        Assert.Contains("西区社区", rows[0], StringComparison.Ordinal);
        Assert.Contains("结对中", rows[0], StringComparison.Ordinal);
        Assert.Contains("东区社区", rows[1], StringComparison.Ordinal);
        Assert.Contains("已结束 2025-06-30", rows[1], StringComparison.Ordinal);
        Assert.Contains("按街道党工委调整，改为与西区社区结对", rows[1], StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"main table a[href='/Communities/Details/{ids.East}']"));
        Assert.NotNull(document.QuerySelector($"main table a[href='/Communities/Details/{ids.West}']"));
        Assert.NotNull(document.QuerySelector($"main a[href='/MemberUnits/Edit/{ids.Unit}']"));
        Assert.NotNull(document.QuerySelector($"main a[href='/Pairings/Create?unitId={ids.Unit}']"));
    }

    [Fact]
    public async Task A_unit_sees_its_ended_pairing_but_the_community_is_linked_only_while_it_can_open_it()
    {
        var ids = await factory.WithDbAsync(async db => new
        {
            Unit = (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿运输部")).Id,
            East = (await db.Communities.SingleAsync(c => c.Name == "东区社区")).Id,
            West = (await db.Communities.SingleAsync(c => c.Name == "西区社区")).Id,
        });
        using var client = await factory.CreatePortalClient().SignedInAsAsync("unit06");
        var document = await client.GetDocumentAsync($"/MemberUnits/Details/{ids.Unit}");

        Assert.Equal(2, FormValues.RowTexts(document).Count);
        Assert.NotNull(document.QuerySelector($"main table a[href='/Communities/Details/{ids.West}']"));
        Assert.Null(document.QuerySelector($"main table a[href='/Communities/Details/{ids.East}']"));
        Assert.Contains("东区社区", FormValues.RowTexts(document)[1], StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"main a[href='/MemberUnits/Edit/{ids.Unit}']"));
        Assert.Null(document.QuerySelector("main a[href^='/Pairings/']"));
    }

    [Fact]
    public async Task Community_committee_sees_only_its_own_pairing_of_a_unit_and_cannot_edit_it()
    {
        var ids = await factory.WithDbAsync(async db => new
        {
            Unit = (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿运输部")).Id,
            East = (await db.Communities.SingleAsync(c => c.Name == "东区社区")).Id,
            West = (await db.Communities.SingleAsync(c => c.Name == "西区社区")).Id,
        });
        using var client = await factory.CreatePortalClient().SignedInAsAsync("dongqu");
        var document = await client.GetDocumentAsync($"/MemberUnits/Details/{ids.Unit}");

        var row = Assert.Single(FormValues.RowTexts(document));
        Assert.Contains("东区社区", row, StringComparison.Ordinal);
        Assert.DoesNotContain("结对中", HtmlAssert.MainText(document), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector($"main a[href='/Communities/Details/{ids.West}']"));
        Assert.NotNull(document.QuerySelector($"main table a[href='/Communities/Details/{ids.East}']"));
        Assert.Null(document.QuerySelector($"main a[href='/MemberUnits/Edit/{ids.Unit}']"));
    }

    [Theory]
    [InlineData(PortalClient.Users.SouthCommunity, HttpStatusCode.NotFound)]
    [InlineData(PortalClient.Users.EngineeringUnit, HttpStatusCode.NotFound)]
    [InlineData(PortalClient.Users.NorthCommunity, HttpStatusCode.OK)]
    [InlineData(PortalClient.Users.MiddleSchoolUnit, HttpStatusCode.OK)]
    public async Task A_unit_outside_the_users_scope_is_not_found(string user, HttpStatusCode expected)
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
        using var details = await client.GetAsync($"/MemberUnits/Details/{ids.MiddleSchoolUnit}");
        Assert.Equal(expected, details.StatusCode);
        using var missing = await client.GetAsync("/MemberUnits/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_unit_list_and_details_speak_English_when_English_is_chosen()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (await client.PostFormAsync("/Culture/Set", "/", new() { ["culture"] = "en", ["returnUrl"] = "/" })) { }
        var list = await client.GetDocumentAsync("/MemberUnits?kind=School");
        Assert.Equal("Member units", list.QuerySelector("main h1")!.TextContent.Trim());
        Assert.All(list.QuerySelectorAll("main table tbody tr"), r => Assert.Equal("School", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        var details = await client.GetDocumentAsync($"/MemberUnits/Details/{ids.EngineeringUnit}");
        Assert.Contains("Enterprise", HtmlAssert.MainText(details), StringComparison.Ordinal);
        Assert.Contains("Active", HtmlAssert.MainText(details), StringComparison.Ordinal);
    }
}

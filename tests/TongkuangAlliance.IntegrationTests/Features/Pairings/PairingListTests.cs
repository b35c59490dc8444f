namespace TongkuangAlliance.IntegrationTests.Features.Pairings;

/// <summary>The pairings list and the create form's preselection. Read-only: runs on the shared app.</summary>
[Collection(SharedPortal.Name)]
public sealed class PairingListTests(PortalFactory factory)
{
    private async Task<PortalClient> SubDistrictAsync() => await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

    [Fact]
    public async Task The_list_shows_active_pairings_by_default()
    {
        using var client = await SubDistrictAsync();
        var document = await client.GetDocumentAsync("/Pairings");

        var expected = await factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.EndDate == null));
        var rows = FormValues.RowTexts(document);
        Assert.Equal(14, expected);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Contains("结对中", r, StringComparison.Ordinal));
        Assert.Equal("active", document.QuerySelector("select#status option[selected]")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("main a[href='/Pairings/Create']"));
        Assert.Equal(14, document.QuerySelectorAll("main table a[href^='/Pairings/End/']").Length);
    }

    [Fact]
    public async Task Ended_pairings_stay_in_the_list_with_their_end_date_and_reason()
    {
        using var client = await SubDistrictAsync();
        var ended = FormValues.RowTexts(await client.GetDocumentAsync("/Pairings?status=ended"));
        var row = Assert.Single(ended);
        Assert.Contains("德兴铜矿运输部", row, StringComparison.Ordinal);
        Assert.Contains("东区社区", row, StringComparison.Ordinal);
        Assert.Contains("已结束 2025-06-30", row, StringComparison.Ordinal);
        Assert.Contains("按街道党工委调整，改为与西区社区结对", row, StringComparison.Ordinal);

        Assert.Equal(15, FormValues.RowTexts(await client.GetDocumentAsync("/Pairings?status=all")).Count);
    }

    [Fact]
    public async Task The_list_filters_by_community_and_by_unit()
    {
        var ids = await factory.WithDbAsync(async db => new
        {
            South = (await db.Communities.SingleAsync(c => c.Name == "南区社区")).Id,
            Transport = (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿运输部")).Id,
        });
        using var client = await SubDistrictAsync();

        var south = await client.GetDocumentAsync($"/Pairings?communityId={ids.South}");
        Assert.Equal(["德兴铜矿党委", "德兴铜矿职工医院", "铜矿工程部"], FormValues.FirstCells(south).Order(StringComparer.Ordinal));
        Assert.Equal(ids.South.ToString(), south.QuerySelector("select#communityId option[selected]")!.GetAttribute("value"));

        var transport = FormValues.RowTexts(await client.GetDocumentAsync($"/Pairings?unitId={ids.Transport}&status=all"));
        Assert.Equal(2, transport.Count);
        Assert.Single(FormValues.RowTexts(await client.GetDocumentAsync($"/Pairings?unitId={ids.Transport}")));
        Assert.Empty(FormValues.RowTexts(await client.GetDocumentAsync($"/Pairings?unitId={ids.Transport}&communityId={ids.South}")));
    }

    [Fact]
    public async Task An_empty_result_says_what_to_do_next()
    {
        var south = await factory.WithDbAsync(async db => (await db.Communities.SingleAsync(c => c.Name == "南区社区")).Id);
        using var client = await SubDistrictAsync();
        var document = await client.GetDocumentAsync($"/Pairings?status=ended&communityId={south}");
        Assert.Empty(FormValues.RowTexts(document));
        Assert.Contains("新增结对", HtmlAssert.MainText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_community_page_link_preselects_the_community_and_starts_today()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await SubDistrictAsync();
        var community = await client.GetDocumentAsync($"/Communities/Details/{ids.SouthCommunity}");
        var link = community.QuerySelector($"main a[href='/Pairings/Create?communityId={ids.SouthCommunity}']");
        Assert.NotNull(link);

        var form = FormValues.Read(await client.GetDocumentAsync(link!.GetAttribute("href")!));
        Assert.Equal(ids.SouthCommunity.ToString(), form["CommunityId"]);
        Assert.Equal("", form["MemberUnitId"]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"), form["StartDate"]);
    }

    [Fact]
    public async Task The_end_form_shows_the_pairing_and_defaults_to_today()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await SubDistrictAsync();
        var document = await client.GetDocumentAsync($"/Pairings/End/{ids.NorthSchoolPairing}");

        var text = HtmlAssert.MainText(document);
        Assert.Contains("铜矿中学", text, StringComparison.Ordinal);
        Assert.Contains("北区社区", text, StringComparison.Ordinal);
        Assert.Contains("2020-09-01", text, StringComparison.Ordinal);
        Assert.Contains("居民夜校", text, StringComparison.Ordinal);
        var form = FormValues.Read(document);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"), form["EndDate"]);
        Assert.Equal("", form["EndReason"]);
        Assert.True(Guid.TryParse(form["Version"], out _));
    }

    [Fact]
    public async Task Paired_units_and_communities_cannot_use_the_pairings_pages()
    {
        var ids = await factory.DemoIdsAsync();
        foreach (var user in new[] { PortalClient.Users.SouthCommunity, PortalClient.Users.EngineeringUnit })
        {
            using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
            foreach (var url in new[] { "/Pairings", $"/Pairings/Create?communityId={ids.SouthCommunity}", $"/Pairings/End/{ids.SouthEngineeringPairing}" })
            {
                using var response = await client.GetAsync(url);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            }
        }
    }
}

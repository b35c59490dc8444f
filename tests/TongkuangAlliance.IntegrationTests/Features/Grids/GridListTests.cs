namespace TongkuangAlliance.IntegrationTests.Features.Grids;

/// <summary>The grid list and grid page as each role sees them. Reads only, so it shares the portal.</summary>
[Collection(SharedPortal.Name)]
public sealed class GridListTests(PortalFactory factory)
{
    private const string South = DemoCatalog.SouthCommunity;

    [Fact]
    public async Task Sub_district_committee_sees_every_grid_of_the_sub_district()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var rows = await client.GridRowsAsync("/Grids");

        // DemoCatalog: 南区 3 grids, the five other communities 2 each.
        Assert.Equal(13, rows.Count);
        Assert.Equal(DemoCatalog.Communities.Sum(c => c.GridCount), rows.Count);
        Assert.Equal(6, rows.Select(r => r.Community).Distinct().Count());
    }

    [Fact]
    public async Task Community_committee_sees_only_the_grids_of_its_community()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var rows = await client.GridRowsAsync("/Grids");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(South, r.Community));
        Assert.Equal(["第1网格", "第2网格", "第3网格"], rows.Select(r => r.Grid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_community_filter_cannot_open_another_community_to_a_community_committee()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var rows = await client.GridRowsAsync($"/Grids?communityId={ids.NorthCommunity}");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(South, r.Community));
    }

    [Fact]
    public async Task Sub_district_committee_filters_by_community()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var rows = await client.GridRowsAsync($"/Grids?communityId={ids.NorthCommunity}");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("北区社区", r.Community));
    }

    [Fact]
    public async Task Paired_unit_sees_the_grids_of_its_paired_community_read_only()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var rows = await client.GridRowsAsync("/Grids");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(South, r.Community));

        var details = await client.GetDocumentAsync($"/Grids/Details/{ids.SouthGrid}");
        Assert.Empty(details.QuerySelectorAll("main a[href*='/Grids/Edit'], main a[href*='/Grids/CreateBuilding'], main a[href*='/Grids/EditBuilding']"));
    }

    [Fact]
    public async Task The_vacancy_filter_shows_only_grids_with_a_vacant_grid_or_building_chief()
    {
        var expected = await factory.WithDbAsync(db => db.Grids
            .Where(g => g.Chief == null || g.Buildings.Any(b => b.Chief == null))
            .Select(g => g.Community!.Name + " " + g.Name).ToListAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var rows = await client.GridRowsAsync("/Grids?vacant=true");

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < 13, "The demo has grids without vacancies, which the filter must leave out.");
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r.Community + " " + r.Grid).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(r.VacancyBadges > 0, $"{r.Community} {r.Grid} shows no vacancy"));
    }

    [Fact]
    public async Task Search_finds_a_grid_by_its_chief_name()
    {
        var (grid, chief) = await factory.WithDbAsync(async db => await db.Grids.Where(g => g.Community!.Name == "东区社区" && g.Name == "第2网格")
            .Select(g => new ValueTuple<string, string>(g.Name, g.Chief!.Name)).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var rows = await client.GridRowsAsync($"/Grids?q={Uri.EscapeDataString(chief)}");

        Assert.Contains(rows, r => r.Grid == grid && r.Community == "东区社区");
        Assert.All(rows, r => Assert.Contains(chief, r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_grid_page_shows_its_chief_and_buildings_with_phone_links_and_breadcrumbs()
    {
        var ids = await factory.DemoIdsAsync();
        var grid = await factory.WithDbAsync(db => db.Grids.Where(g => g.Id == ids.SouthGrid)
            .Select(g => new { g.Name, ChiefName = g.Chief!.Name, ChiefPhone = g.Chief.Phone, Buildings = g.Buildings.Count }).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var document = await client.GetDocumentAsync($"/Grids/Details/{ids.SouthGrid}");

        var crumbs = document.QuerySelectorAll(".breadcrumb-item").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["首页", "社区", South, grid.Name], crumbs);
        Assert.Contains(grid.ChiefName, document.QuerySelector(".grid-chief")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"main a[href='tel:{grid.ChiefPhone}']"));
        Assert.Equal(grid.Buildings, document.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal(grid.Buildings, document.QuerySelectorAll("main a[href*='/Grids/EditBuilding/']").Length);
        Assert.NotNull(document.QuerySelector($"main a[href='/Grids/CreateBuilding?gridId={ids.SouthGrid}']"));
    }

    [Fact]
    public async Task Grid_pages_outside_the_scope_are_not_found()
    {
        var ids = await factory.DemoIdsAsync();
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var response = await nanqu.GetAsync($"/Grids/Details/{ids.NorthGrid}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

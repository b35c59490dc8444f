namespace TongkuangAlliance.IntegrationTests.Features.Grids;

/// <summary>
/// Who may change grids, compounds and buildings: out of scope is not found (404), a paired unit that can see
/// the record is refused (403). The posts here are valid changes, so a hole would show as a changed record.
/// </summary>
public sealed class GridScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Snapshot(string GridName, string? GridChief, string BuildingName, string? BuildingChief, int BuildingGrid, string CompoundName, string? CompoundAddress, int NorthGrids, int NorthCompounds, int NorthBuildings);

    [Fact]
    public async Task A_community_committee_gets_not_found_for_every_page_of_another_community_and_nothing_changes()
    {
        var ids = await factory.DemoIdsAsync();
        var before = await NorthSnapshotAsync(ids);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        var chief = new Dictionary<string, string> { ["Chief.Name"] = "越权者", ["Chief.Phone"] = "13907939999" };
        var posts = new (string Url, Dictionary<string, string> Form)[]
        {
            ($"/Grids/Edit/{ids.NorthGrid}", new(chief) { ["Name"] = "改名网格" }),
            ($"/Grids/EditBuilding/{ids.NorthBuilding}", new(chief) { ["Name"] = "改名楼", ["CompoundId"] = $"{ids.NorthCompound}", ["GridId"] = $"{ids.NorthGrid}" }),
            ($"/Grids/EditCompound/{ids.NorthCompound}", new() { ["Name"] = "改名小区", ["Address"] = "别处" }),
            ($"/Grids/Create?communityId={ids.NorthCommunity}", new(chief) { ["Name"] = "新网格" }),
            ($"/Grids/CreateCompound?communityId={ids.NorthCommunity}", new() { ["Name"] = "新小区" }),
            ($"/Grids/CreateBuilding?gridId={ids.NorthGrid}", new(chief) { ["Name"] = "新楼", ["CompoundId"] = $"{ids.NorthCompound}", ["GridId"] = $"{ids.NorthGrid}" }),
        };
        foreach (var (url, form) in posts)
        {
            using (var get = await client.GetAsync(url))
                Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)get.StatusCode}");
            // The version is unknown to an outsider: the form carries the real one, so only scope stops it.
            var version = await factory.WithDbAsync(db => VersionOfAsync(db, url, ids));
            using var post = await client.PostFormAsync(url, "/Grids", new(form) { ["Version"] = version });
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {(int)post.StatusCode}");
        }

        Assert.Equal(before, await NorthSnapshotAsync(ids));
    }

    [Fact]
    public async Task A_paired_unit_may_read_its_community_s_grids_but_not_change_them()
    {
        var ids = await factory.DemoIdsAsync();
        var before = await SouthGridAsync(ids.SouthGrid);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);

        using (var details = await client.GetAsync($"/Grids/Details/{ids.SouthGrid}"))
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        using (var edit = await client.GetAsync($"/Grids/Edit/{ids.SouthGrid}"))
            AssertForbidden(edit);
        using (var post = await client.PostFormAsync($"/Grids/Edit/{ids.SouthGrid}", "/Grids",
                   new() { ["Name"] = "单位改名", ["Chief.Name"] = "单位的人", ["Chief.Phone"] = "13907938888", ["Version"] = before.Version.ToString() }))
            AssertForbidden(post);

        using (var north = await client.GetAsync($"/Grids/Edit/{ids.NorthGrid}"))
            Assert.Equal(HttpStatusCode.NotFound, north.StatusCode);
        using (var north = await client.GetAsync($"/Grids/Details/{ids.NorthGrid}"))
            Assert.Equal(HttpStatusCode.NotFound, north.StatusCode);

        Assert.Equal(before, await SouthGridAsync(ids.SouthGrid));
    }

    private static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private Task<(string Name, string? Chief, Guid Version)> SouthGridAsync(int id) =>
        factory.WithDbAsync(db => db.Grids.Where(g => g.Id == id)
            .Select(g => new ValueTuple<string, string?, Guid>(g.Name, g.Chief != null ? g.Chief.Name : null, g.Version)).SingleAsync());

    private static async Task<string> VersionOfAsync(Core.Data.AppDbContext db, string url, DemoIds ids)
    {
        Guid version = default;
        if (url.StartsWith("/Grids/Edit/", StringComparison.Ordinal)) version = await db.Grids.Where(g => g.Id == ids.NorthGrid).Select(g => g.Version).SingleAsync();
        else if (url.StartsWith("/Grids/EditBuilding/", StringComparison.Ordinal)) version = await db.Buildings.Where(b => b.Id == ids.NorthBuilding).Select(b => b.Version).SingleAsync();
        else if (url.StartsWith("/Grids/EditCompound/", StringComparison.Ordinal)) version = await db.Compounds.Where(c => c.Id == ids.NorthCompound).Select(c => c.Version).SingleAsync();
        return version.ToString();
    }

    private Task<Snapshot> NorthSnapshotAsync(DemoIds ids) => factory.WithDbAsync(async db =>
    {
        var grid = await db.Grids.Where(g => g.Id == ids.NorthGrid).Select(g => new { g.Name, Chief = g.Chief != null ? g.Chief.Name : null }).SingleAsync();
        var building = await db.Buildings.Where(b => b.Id == ids.NorthBuilding).Select(b => new { b.Name, Chief = b.Chief != null ? b.Chief.Name : null, b.GridId }).SingleAsync();
        var compound = await db.Compounds.Where(c => c.Id == ids.NorthCompound).Select(c => new { c.Name, c.Address }).SingleAsync();
        return new Snapshot(grid.Name, grid.Chief, building.Name, building.Chief, building.GridId, compound.Name, compound.Address,
            await db.Grids.CountAsync(g => g.CommunityId == ids.NorthCommunity),
            await db.Compounds.CountAsync(c => c.CommunityId == ids.NorthCommunity),
            await db.Buildings.CountAsync(b => b.Grid!.CommunityId == ids.NorthCommunity));
    });
}

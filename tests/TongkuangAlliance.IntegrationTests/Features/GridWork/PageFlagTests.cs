using TongkuangAlliance.IntegrationTests.Authorization;

namespace TongkuangAlliance.IntegrationTests.Features.GridWork;

/// <summary>
/// What the grid and visit-ledger pages offer to whom, now decided by handlers and policies instead of role
/// branches (issue 16): the same for each role as before. Reads only, so it shares the portal.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PageFlagTests(PortalFactory factory)
{
    [Theory]
    [InlineData(PortalClient.Users.SubDistrict, false, true)] // reads the ledger of every community, keeps none
    [InlineData(PortalClient.Users.SouthCommunity, true, false)]
    [InlineData(GridWorkMatrixRows.GridInUser, true, false)]
    public async Task The_ledger_offers_recording_to_those_who_keep_it_and_names_communities_to_the_sub_district(string user, bool record, bool communityNames)
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
        var page = await client.GetDocumentAsync("/GridWork/Visits");

        Assert.Equal(record, page.QuerySelector("main a[href='/GridWork/CreateVisit']") is not null);
        var grids = page.QuerySelectorAll("select#GridId option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim()).ToList();
        Assert.NotEmpty(grids);
        Assert.All(grids, g => Assert.Equal(communityNames, g.Contains("社区", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(PortalClient.Users.SubDistrict, false, true)]
    [InlineData(PortalClient.Users.SouthCommunity, true, false)]
    [InlineData(PortalClient.Users.EngineeringUnit, false, false)]
    [InlineData(GridWorkMatrixRows.GridInUser, false, false)] // reads its community's structure, changes none of it
    public async Task The_grid_list_offers_a_new_grid_to_the_community_and_the_community_filter_to_the_sub_district(string user, bool create, bool filter)
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
        var page = await client.GetDocumentAsync("/Grids");

        Assert.Equal(create, page.QuerySelector($"main a[href='/Grids/Create?communityId={ids.SouthCommunity}']") is not null);
        Assert.Equal(filter, page.QuerySelector("select#communityId") is not null);
    }
}

using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.Performance;

/// <summary>
/// Pages run a fixed number of queries whatever the amount of data: each page is counted, the data grows
/// (more compounds, grids, buildings, units, pairings and accounts), and the page is counted again.
/// </summary>
public sealed class QueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Pages_do_the_same_number_of_queries_with_ten_times_the_data()
    {
        var ids = await factory.DemoIdsAsync();
        string[] subDistrictPages = ["/", "/Communities", $"/Communities/Details/{ids.SouthCommunity}", "/Grids", $"/Grids/Details/{ids.SouthGrid}", "/MemberUnits", $"/MemberUnits/Details/{ids.EngineeringUnit}", "/Pairings", "/Accounts"];
        string[] communityPages = ["/", $"/Communities/Details/{ids.SouthCommunity}", "/Grids", "/MemberUnits"];

        using var counter = new QueryCounter(factory.DatabasePath);
        using var subDistrict = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var community = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);

        async Task<Dictionary<string, int>> CountAsync(PortalClient client, string[] pages)
        {
            var counts = new Dictionary<string, int>();
            foreach (var page in pages)
            {
                counter.Reset();
                await client.GetDocumentAsync(page);
                counts[page] = counter.Count;
            }
            return counts;
        }

        var before = await CountAsync(subDistrict, subDistrictPages);
        var beforeCommunity = await CountAsync(community, communityPages);

        await GrowAsync(ids);

        Assert.Equal(before, await CountAsync(subDistrict, subDistrictPages));
        Assert.Equal(beforeCommunity, await CountAsync(community, communityPages));
        // The sub-district home adds the overdue items by community (issue 19): four grouped counts, 17 in all, fixed.
        Assert.All(before.Values, count => Assert.InRange(count, 1, 20));
    }

    /// <summary>Adds, to 南区社区 and the alliance, about ten times what the demo has there.</summary>
    private Task GrowAsync(DemoIds ids) => factory.WithDbAsync(async db =>
    {
        var south = await db.Communities.SingleAsync(c => c.Id == ids.SouthCommunity);
        for (var i = 0; i < 10; i++)
        {
            var compound = new Compound { CommunityId = south.Id, Name = $"扩展小区{i}" };
            var grid = new Grid { CommunityId = south.Id, Name = $"扩展网格{i}" };
            grid.AssignChief(new Contact($"网格长{i}", $"1390000{i:0000}"));
            db.AddRange(compound, grid);
            for (var b = 0; b < 5; b++)
                db.Buildings.Add(new Building { Compound = compound, Grid = grid, Name = $"{b + 1}栋" });

            var unit = new MemberUnit { SubDistrictId = ids.SubDistrict, Name = $"扩展单位{i}", PartyOrganisationName = $"扩展单位{i}党支部" };
            db.MemberUnits.Add(unit);
            var pairing = Pairing.Start(unit, south, new DateOnly(2024, 1, 1), alreadyActivelyPaired: false, null);
            pairing.MemberUnit = unit; // the unit has no id until saved: the navigation carries the link
            db.Pairings.Add(pairing);
            var user = new AppUser { UserName = $"extra{i}", DisplayName = $"扩展账号{i}" };
            user.AssignScope(PortalRole.CommunityCommittee, ids.SubDistrict, south.Id, null);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync();
    });
}

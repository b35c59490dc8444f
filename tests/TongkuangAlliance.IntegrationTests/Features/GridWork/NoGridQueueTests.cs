namespace TongkuangAlliance.IntegrationTests.Features.GridWork;

/// <summary>
/// Issue 20 finding 7: a case without a building has no grid, so no grid worker's queue holds it. It is the
/// community's own: its case list marks it 未分网格, and the grid summary's "（未分网格）" row counts the open ones,
/// the number linking to a list of exactly those cases.
/// </summary>
public sealed class NoGridQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_resident_report_without_a_building_is_in_the_communitys_queue_marked_and_counted_in_the_grid_summary()
    {
        var community = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == "南区社区").Select(c => c.Id).SingleAsync());
        using var resident = factory.CreatePortalClient();
        using var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", new()
        {
            ["Input.Kind"] = "Request",
            ["Input.CommunityId"] = $"{community}",
            ["Input.Description"] = "小区外面的路灯不亮了，晚上走路看不清。",
            ["Input.Name"] = "周先生",
            ["Input.Phone"] = "13807931111",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = (await resident.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("[data-case-number]")!.GetAttribute("data-case-number")!;
        var kase = await factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
        Assert.Null(kase.GridId);
        Assert.Equal(community, kase.CommunityId);

        // The community committee's list of cases to accept holds it, marked 未分网格.
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var queue = await nanqu.GetDocumentAsync("/Cases?status=Registered");
        var row = queue.QuerySelector($"tr[data-case-id='{kase.Id}']");
        Assert.NotNull(row);
        Assert.Equal("未分网格", row.QuerySelector(".case-no-grid")?.TextContent.Trim());

        // The summary counts the community's cases without a grid that are not closed; the number lists exactly those.
        var expected = await factory.WithDbAsync(db => db.Cases
            .Where(c => c.CommunityId == community && c.GridId == null && c.Status != CaseStatus.Closed).Select(c => c.Id).ToListAsync());
        var summary = await nanqu.GetDocumentAsync("/GridWork/Summary");
        var link = summary.QuerySelector($"tr[data-no-grid='{community}'] a");
        Assert.NotNull(link);
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), link.TextContent.Trim());

        var listed = new List<int>();
        for (var page = 1; page < 20; page++)
        {
            var list = await nanqu.GetDocumentAsync($"{link.GetAttribute("href")}&page={page}");
            var ids = list.QuerySelectorAll("tr[data-case-id]").Select(r => int.Parse(r.GetAttribute("data-case-id")!, CultureInfo.InvariantCulture)).ToList();
            if (ids.Count == 0 || ids.All(listed.Contains)) break; // past the last page the list shows the last again
            listed.AddRange(ids);
        }
        Assert.Equal(expected.Order(), listed.Order());
        Assert.Contains(kase.Id, listed);
    }
}

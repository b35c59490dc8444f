using TongkuangAlliance.IntegrationTests.Features.Dashboards;

namespace TongkuangAlliance.IntegrationTests.Features.Home;

/// <summary>
/// Issue 19: each home page's to-do counts (今日待办) and the sub-district's overdue items by community are links, and
/// every number equals the count of the list it opens, for each role that has them.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class HomeToDoTests(PortalFactory factory)
{
    [Theory]
    [InlineData(PortalClient.Users.SouthCommunity, "/", new[] { "to-accept", "due-soon", "overdue", "to-follow-up", "terms-owed", "activities-this-week", "awaiting-units" })]
    [InlineData(PortalClient.Users.EngineeringUnit, "/", new[] { "terms-owed", "terms-overdue", "open-work", "activities-to-confirm" })]
    [InlineData("wangge-nanqu1", "/GridWork", new[] { "open-cases", "visits-this-month" })]
    public async Task Every_to_do_count_equals_the_list_it_opens(string user, string home, string[] expectedItems)
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
        var page = await client.GetDocumentAsync(home);

        var items = page.QuerySelectorAll(".work-item").ToList();
        Assert.Equal(expectedItems, items.Select(i => i.Id!["work-".Length..]));
        var total = 0;
        foreach (var item in items)
        {
            var count = int.Parse(item.QuerySelector(".work-count")!.TextContent.Trim(), CultureInfo.InvariantCulture);
            var list = await client.GetDocumentAsync(FormValues.Href(item)!);
            Assert.True(count == DashboardData.ListCount(list), $"{user} {item.Id}: home says {count}, its list holds {DashboardData.ListCount(list)} ({FormValues.Href(item)})");
            total += count;
        }
        Assert.True(total > 0, "the demo should give this user something to do");
    }

    [Fact]
    public async Task The_sub_district_sees_overdue_items_by_community_each_equal_to_its_list()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var home = await client.GetDocumentAsync("/");

        var links = home.QuerySelectorAll("#overdue-by-community tbody a").ToList();
        Assert.NotEmpty(links);
        Assert.Contains(links, a => a.TextContent.Trim() != "0");
        foreach (var link in links)
        {
            var count = int.Parse(link.TextContent.Trim(), CultureInfo.InvariantCulture);
            var list = await client.GetDocumentAsync(FormValues.Href(link)!);
            Assert.True(count == DashboardData.ListCount(list), $"{link.ClassName} {FormValues.Href(link)}: home says {count}, its list holds {DashboardData.ListCount(list)}");
        }
    }

    [Fact]
    public async Task The_due_soon_list_holds_no_overdue_case()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var all = await client.GetDocumentAsync("/Cases?dueSoon=true");

        Assert.Empty(all.QuerySelectorAll(".case-overdue"));
    }
}

using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.IntegrationTests.Features.Acceptance;

/// <summary>Issue 20, findings 18–24: small text and look, each seen in the rendered page.</summary>
public sealed class SmallWrongsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>
    /// The unit dashboard showed "志愿服务时长（小时）: 78.3" in one line; since the stat cards (issue 19) the hours are a
    /// card of their own: the label alone, the number alone, one decimal, and no ASCII colon left anywhere on the cards.
    /// </summary>
    [Fact]
    public async Task Finding_18_the_units_volunteer_hours_are_a_label_and_a_number_without_an_ascii_colon()
    {
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var page = await unit.GetDocumentAsync("/Dashboards/Unit");
        var card = page.QuerySelector("#figure-volunteer-hours")!;
        Assert.Equal("志愿服务时长（小时）", card.QuerySelector(".stat-label")!.TextContent.Trim());
        Assert.Matches(@"^\d+\.\d$", card.QuerySelector(".figure-value")!.TextContent.Trim());
        Assert.DoesNotContain("）:", page.QuerySelector("#figures")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_18_a_cancelled_activity_in_the_calendar_says_cancelled_once()
    {
        var month = await factory.WithDbAsync(async db =>
        {
            var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
            var kind = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
            var start = DateTime.UtcNow.AddDays(1);
            var details = new ActivityDetails(south.Id, null, ActivityKind.StreamActivity, ActivityStream.Volunteering, "取消测试活动", "南区广场",
                start, start.AddHours(2), ActivityOrganiser.CommunityCommittee, null, null, [new PlannedService(kind, 2)], []);
            var activity = Activity.Schedule(details, DateTime.UtcNow);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            activity.Cancel("天气原因", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return ChinaTime.FromUtc(start).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        });
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var page = await nanqu.GetDocumentAsync($"/Activities?month={month}");
        var item = page.QuerySelectorAll("li.tk-cal-event").Single(li => li.TextContent.Contains("取消测试活动", StringComparison.Ordinal));
        Assert.Equal(1, Count(item.TextContent, "已取消"));
    }

    [Fact]
    public async Task Finding_20_the_grid_workers_header_names_the_role_once()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var page = await worker.GetDocumentAsync("/GridWork");
        var badge = page.QuerySelector(".portal-scope")!.TextContent;
        Assert.Equal(1, Count(badge, "网格员"));
    }

    [Fact]
    public async Task Finding_22_a_term_without_an_amount_shows_a_dash_on_the_fulfil_page()
    {
        var id = await factory.WithDbAsync(db => db.AgreementTerms
            .Where(t => t.Description == "更换南山小区 3 栋破损的雨水管并修补外墙").Select(t => t.Id).SingleAsync());
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var page = await unit.GetDocumentAsync($"/Terms/Fulfil/{id}");
        var label = page.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == "金额");
        Assert.Equal("—", label.NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task Finding_23_a_closed_case_shows_no_next_update_deadline()
    {
        var (closed, open) = await factory.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Title == Web.Infrastructure.DemoData.DemoCases.StoryCaseTitle).Select(c => c.Id).SingleAsync(),
            await db.Cases.Where(c => c.Title == Web.Infrastructure.DemoData.DemoCases.OpenEngineeringCaseTitle).Select(c => c.Id).SingleAsync()));
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var closedPage = await nanqu.GetDocumentAsync($"/Cases/Details/{closed}");
        Assert.DoesNotContain(closedPage.QuerySelectorAll("dt"), dt => dt.TextContent.Trim() == "下次更新期限");
        var openPage = await nanqu.GetDocumentAsync($"/Cases/Details/{open}");
        Assert.Contains(openPage.QuerySelectorAll("dt"), dt => dt.TextContent.Trim() == "下次更新期限");
    }

    [Theory]
    [InlineData("/Cases", "案件")]
    [InlineData("/Cases?mine=true", "我的案件")] // where the menu's /Cases/Mine leads
    [InlineData("/Activities", "活动日历")]
    public async Task Finding_24_the_menu_lights_one_item(string url, string item)
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var page = await nanqu.GetDocumentAsync(url);
        var active = page.QuerySelectorAll("#portal-menu .nav-link.active").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([item], active);
    }
}

namespace TongkuangAlliance.IntegrationTests.Features.Terms;

using DemoCases = TongkuangAlliance.Web.Infrastructure.DemoData.DemoCases;

/// <summary>The terms list: each role sees the terms of its scope, and a unit sees nothing else of a case.</summary>
[Collection(SharedPortal.Name)]
public sealed class TermListTests(PortalFactory factory)
{
    private const string StoryLamps = "在保修期内更换建安小区损坏的 4 盏路灯";
    private const string StoryPayment = "向刘贤英支付医疗等费用补偿";
    private const string NanshanRepair = "更换南山小区 3 栋破损的雨水管并修补外墙";
    private const string BoosterPump = "为建安小区 5、6 栋加装供水增压泵";
    private const string SilverDrain = "清理银山小区旁排水沟淤堵";

    private async Task<(string Html, List<string> Rows)> ListAsync(string user, string url = "/Terms")
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(user);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (html, FormValues.RowTexts(await PortalClient.ParseAsync(html)));
    }

    [Fact]
    public async Task A_unit_sees_only_the_terms_it_owes_and_nothing_personal_of_the_cases()
    {
        var (html, rows) = await ListAsync(PortalClient.Users.EngineeringUnit);

        Assert.Contains(rows, r => r.Contains(StoryLamps, StringComparison.Ordinal) && r.Contains("已于 2020-05-27 履行", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(NanshanRepair, StringComparison.Ordinal) && r.Contains("待履行", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(BoosterPump, StringComparison.Ordinal) && r.Contains("已逾期", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("铜矿工程部", r, StringComparison.Ordinal));

        // Other parties' terms, reporters, phones and mediation minutes never reach the unit.
        foreach (var secret in new[] { StoryPayment, DemoCases.OutsideCompany, DemoCases.StoryReporter, DemoCases.StoryReporterPhone, "黄秀兰", "社区党委召集三方", "现场查看雨水管", "/Cases/Details" })
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_of_another_community_does_not_see_these_terms()
    {
        var (html, rows) = await ListAsync(PortalClient.Users.MiddleSchoolUnit);
        Assert.Empty(rows);
        Assert.DoesNotContain(NanshanRepair, html, StringComparison.Ordinal);
        Assert.Contains("目前没有需要承担的协议条款", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_community_sees_the_terms_of_its_own_cases_only()
    {
        var (_, south) = await ListAsync(PortalClient.Users.SouthCommunity);
        Assert.Contains(south, r => r.Contains(StoryPayment, StringComparison.Ordinal) && r.Contains("¥2,000.00", StringComparison.Ordinal));
        Assert.Contains(south, r => r.Contains(NanshanRepair, StringComparison.Ordinal));
        Assert.DoesNotContain(south, r => r.Contains(SilverDrain, StringComparison.Ordinal));
        Assert.All(south, r => Assert.Contains("南区社区", r, StringComparison.Ordinal));

        var (_, north) = await ListAsync(PortalClient.Users.NorthCommunity);
        Assert.Contains(north, r => r.Contains(SilverDrain, StringComparison.Ordinal));
        Assert.DoesNotContain(north, r => r.Contains(StoryLamps, StringComparison.Ordinal) || r.Contains(NanshanRepair, StringComparison.Ordinal));

        var (_, all) = await ListAsync(PortalClient.Users.SubDistrict);
        Assert.Contains(all, r => r.Contains(SilverDrain, StringComparison.Ordinal));
        Assert.Contains(all, r => r.Contains(StoryLamps, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_filters_show_pending_overdue_and_fulfilled_terms()
    {
        var (_, overdue) = await ListAsync(PortalClient.Users.EngineeringUnit, "/Terms?status=overdue");
        Assert.Single(overdue);
        Assert.Contains(BoosterPump, overdue[0], StringComparison.Ordinal);

        var (_, fulfilled) = await ListAsync(PortalClient.Users.EngineeringUnit, "/Terms?status=fulfilled");
        Assert.Single(fulfilled);
        Assert.Contains(StoryLamps, fulfilled[0], StringComparison.Ordinal);

        var (_, pending) = await ListAsync(PortalClient.Users.EngineeringUnit, "/Terms?status=pending");
        Assert.DoesNotContain(pending, r => r.Contains(StoryLamps, StringComparison.Ordinal));
        Assert.Contains(pending, r => r.Contains(NanshanRepair, StringComparison.Ordinal));

        var (_, unknown) = await ListAsync(PortalClient.Users.EngineeringUnit, "/Terms?status=<script>");
        Assert.Equal(3, unknown.Count);
    }

    [Fact]
    public async Task The_unit_home_page_counts_the_terms_owed_and_links_to_them()
    {
        var owed = await factory.WithDbAsync(db => db.AgreementTerms.CountAsync(t => t.Status == AgreementTermStatus.Pending && t.ObligatedParty!.MemberUnit!.Name == DemoCatalog.MineEngineering));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var home = await client.GetDocumentAsync("/");

        Assert.Equal(owed.ToString(System.Globalization.CultureInfo.InvariantCulture), home.QuerySelector("#work-terms-owed .work-count")!.TextContent.Trim());
        Assert.Equal("1", home.QuerySelector("#work-terms-overdue .work-count")!.TextContent.Trim());
        Assert.StartsWith("/Terms", FormValues.Href(home.QuerySelector("#work-terms-owed")), StringComparison.Ordinal);
    }
}

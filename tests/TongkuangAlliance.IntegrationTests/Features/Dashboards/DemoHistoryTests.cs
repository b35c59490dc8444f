using static TongkuangAlliance.IntegrationTests.Features.Dashboards.DashboardData;

namespace TongkuangAlliance.IntegrationTests.Features.Dashboards;

/// <summary>The demo reproduces the source report's figures for 2019-09-29 … 2020-06-30, computed from its records.</summary>
[Collection(SharedPortal.Name)]
public sealed class DemoHistoryTests(PortalFactory factory)
{
    [Fact]
    public async Task The_demo_history_shows_the_source_reports_figures_on_the_dashboard()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards?kind=Custom&from=2019-09-29&to=2020-06-30");
        Assert.Equal("68", Figure(page, "service-days"));
        Assert.Equal("1226", Figure(page, "resident-visits"));
        Assert.Equal("45", Figure(page, "disputes-resolved"));
        Assert.Equal("247", Figure(page, "requests-solved"));
        Assert.Equal(DemoCaseHistory.HistoricDisputesResolved, 45);
    }

    [Fact]
    public async Task The_demo_keeps_case_numbers_unique_and_the_counters_ahead_of_them()
    {
        var (numbers, sequences) = await factory.WithDbAsync(async db => (
            await db.Cases.Select(c => c.Number).ToListAsync(),
            await db.CaseNumberSequences.ToDictionaryAsync(s => s.Year, s => s.Next)));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Contains("JF2020-0001", numbers);
        foreach (var group in numbers.GroupBy(n => int.Parse(n[2..6], System.Globalization.CultureInfo.InvariantCulture)))
            Assert.Equal(group.Count() + 1, sequences[group.Key]);
        Assert.True(numbers.Count > 300);
    }

    [Fact]
    public async Task The_current_year_is_not_empty()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards");
        Assert.NotEqual("0", Figure(page, "requests-solved"));
        Assert.NotEqual("0", Figure(page, "open-cases"));
        Assert.NotEqual("0", Figure(page, "service-days"));
        var trend = page.QuerySelector("script#dashboard-trend[type='application/json']");
        Assert.NotNull(trend);
        Assert.Contains("labels", trend!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("script:not([src]):not([type='application/json'])"));
    }
}

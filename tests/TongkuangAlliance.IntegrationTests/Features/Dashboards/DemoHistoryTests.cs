using TongkuangAlliance.Core.Activities;
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

    /// <summary>
    /// Issue 19: the 2019–20 service days record what happened — the invited units' confirmations and the difficulties
    /// collected — and every request with source 便民接待日 is a difficulty of the day it came from (same community,
    /// held on or before the day it was registered).
    /// </summary>
    [Fact]
    public async Task The_history_s_service_days_record_confirmations_and_the_requests_that_came_from_them()
    {
        var from = ChinaTime.ToUtc(DemoActivities.HistoryFrom.ToDateTime(TimeOnly.MinValue));
        var to = ChinaTime.ToUtc(DemoActivities.HistoryTo.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var (days, requests, links) = await factory.WithDbAsync(async db => (
            await db.Activities.AsNoTracking().Include(a => a.Units).Include(a => a.Difficulties).AsSplitQuery()
                .Where(a => a.Kind == ActivityKind.ServiceDay && a.Status == ActivityStatus.Held && a.StartUtc >= from && a.StartUtc < to).ToListAsync(),
            await db.Cases.AsNoTracking().Where(c => c.Source == CaseSource.ServiceDay && c.Kind == CaseKind.Request && c.RegisteredAtUtc >= from && c.RegisteredAtUtc < to)
                .Select(c => new { c.Id, c.CommunityId, c.RegisteredAtUtc }).ToListAsync(),
            await db.ActivityDifficulties.AsNoTracking().Where(d => d.CaseId != null)
                .Select(d => new { CaseId = d.CaseId!.Value, d.Activity!.CommunityId, d.Activity.StartUtc, d.Activity.Kind, d.Activity.Status }).ToListAsync()));
        Assert.Equal(68, days.Count);
        var withUnits = days.Where(d => d.Units.Any(u => u.IsInvited)).ToList();
        Assert.True(withUnits.Count > 30, $"{withUnits.Count} history days with paired units");
        Assert.All(withUnits, d => Assert.Contains(d.Units, u => u.IsInvited && u.ConfirmedAtUtc != null));
        Assert.True(requests.Count > 40, $"{requests.Count} history requests from service days");
        foreach (var request in requests)
        {
            var link = Assert.Single(links, l => l.CaseId == request.Id);
            Assert.Equal(request.CommunityId, link.CommunityId);
            Assert.Equal((ActivityKind.ServiceDay, ActivityStatus.Held), (link.Kind, link.Status));
            Assert.True(ChinaDate(link.StartUtc) <= ChinaDate(request.RegisteredAtUtc));
        }
        Assert.Equal(requests.Count, days.Sum(d => d.Difficulties.Count));

        // The units' participation in the history is what they confirmed, and not zero.
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards?kind=Custom&from=2019-09-29&to=2020-06-30");
        Assert.Contains(page.QuerySelectorAll("#units a[data-col=activities-joined]"), a => a.TextContent.Trim() != "0");
    }

    /// <summary>
    /// Issue 19: this year has a rhythm of about two held service days a month in every community up to today, and
    /// last year has cases and service days, so the comparison with the same period last year is not against 0.
    /// </summary>
    [Fact]
    public async Task This_year_has_two_service_days_a_month_per_community_and_last_year_is_not_empty()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var yearStart = ChinaTime.ToUtc(new DateTime(today.Year, 1, 1));
        var held = await factory.WithDbAsync(db => db.Activities.AsNoTracking()
            .Where(a => a.Kind == ActivityKind.ServiceDay && a.Status == ActivityStatus.Held && a.StartUtc >= yearStart)
            .Select(a => new { a.CommunityId, a.StartUtc }).ToListAsync());
        foreach (var community in held.GroupBy(h => h.CommunityId))
            for (var month = 1; month < today.Month; month++)
                Assert.InRange(community.Count(h => ChinaDate(h.StartUtc).Month == month), 2, 3);
        Assert.Equal(6, held.Select(h => h.CommunityId).Distinct().Count());

        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var lastYear = await jiedao.GetDocumentAsync($"/Dashboards?kind=Year&year={today.Year - 1}");
        foreach (var id in new[] { "service-days", "resident-visits", "disputes-resolved", "requests-solved" })
            Assert.NotEqual("0", Figure(lastYear, id));
        var thisYear = await jiedao.GetDocumentAsync("/Dashboards");
        Assert.True(int.Parse(Figure(thisYear, "service-days"), CultureInfo.InvariantCulture) >= 12 * (today.Month - 1));
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

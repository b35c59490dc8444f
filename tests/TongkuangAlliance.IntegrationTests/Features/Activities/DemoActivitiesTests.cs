using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>The demo's calendar: the source report's 68 service days and 1,200+ visits, and a lived-in month around today.</summary>
[Collection(SharedPortal.Name)]
public sealed class DemoActivitiesTests(PortalFactory factory)
{
    [Fact]
    public async Task The_history_holds_exactly_68_service_days_with_1226_resident_visits()
    {
        var from = ChinaTime.ToUtc(DemoActivities.HistoryFrom.ToDateTime(TimeOnly.MinValue));
        var to = ChinaTime.ToUtc(DemoActivities.HistoryTo.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var (held, visits, communities) = await factory.WithDbAsync(async db =>
        {
            var window = db.Activities.Where(a => a.Kind == ActivityKind.ServiceDay && a.Status == ActivityStatus.Held && a.StartUtc >= from && a.StartUtc < to);
            return (await window.CountAsync(),
                await db.ActivityServices.Where(s => window.Contains(s.Activity!)).SumAsync(s => s.ResidentsServed ?? 0),
                await window.Select(a => a.CommunityId).Distinct().CountAsync());
        });
        Assert.Equal(DemoActivities.HistoricServiceDays, held);
        Assert.Equal(68, held);
        Assert.Equal(DemoActivities.HistoricResidentVisits, visits);
        Assert.Equal(6, communities);
    }

    [Fact]
    public async Task Every_community_has_planned_held_cancelled_and_stream_activities_around_today()
    {
        var now = DateTime.UtcNow;
        var rows = await factory.WithDbAsync(db => db.Activities.Where(a => a.StartUtc > now.AddDays(-30) && a.StartUtc < now.AddDays(30))
            .Select(a => new { a.CommunityId, a.Status, a.Kind, a.CancelReason }).ToListAsync());
        foreach (var community in rows.GroupBy(r => r.CommunityId))
        {
            Assert.Contains(community, r => r.Status == ActivityStatus.Planned && r.Kind == ActivityKind.ServiceDay);
            Assert.Contains(community, r => r.Status == ActivityStatus.Held);
            Assert.Contains(community, r => r.Status == ActivityStatus.Cancelled && r.CancelReason == DemoActivities.CancelReason);
            Assert.Contains(community, r => r.Kind == ActivityKind.StreamActivity);
        }
        Assert.Equal(6, rows.Select(r => r.CommunityId).Distinct().Count());

        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var home = await nanqu.GetDocumentAsync("/");
        Assert.Contains(DemoActivities.SouthPlannedTitle, home.QuerySelector("#upcoming-activities")!.TextContent, StringComparison.Ordinal);
    }
}

using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>The calendar's month view (and list view) runs the same number of queries with ten times the activities.</summary>
public sealed class ActivityCalendarQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_month_view_runs_a_fixed_number_of_queries_whatever_the_number_of_activities()
    {
        using var counter = new QueryCounter(factory.DatabasePath);
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var month = ChinaTime.FromUtc(DateTime.UtcNow).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        string[] pages = [$"/Activities?month={month}", $"/Activities?month={month}&view=list", "/"];

        async Task<Dictionary<string, int>> CountAsync(PortalClient client)
        {
            var counts = new Dictionary<string, int>();
            foreach (var page in pages)
            {
                await client.GetDocumentAsync(page); // warm
                counter.Reset();
                var document = await client.GetDocumentAsync(page);
                counts[page] = counter.Count;
            }
            return counts;
        }

        var before = await factory.WithDbAsync(db => db.Activities.CountAsync());
        var beforeMonth = await MonthCountAsync();
        var southBefore = await CountAsync(nanqu);
        var allBefore = await CountAsync(jiedao);

        await AddActivitiesAsync(9 * before);
        Assert.Equal(10 * before, await factory.WithDbAsync(db => db.Activities.CountAsync()));
        Assert.True(await MonthCountAsync() > 5 * beforeMonth, "the month now holds many more activities");

        Assert.Equal(southBefore, await CountAsync(nanqu));
        Assert.Equal(allBefore, await CountAsync(jiedao));
        // The home pages' to-do counts (issue 19) are one COUNT each, so the home page runs up to 17 — a fixed number.
        Assert.All(southBefore.Values.Concat(allBefore.Values), count => Assert.InRange(count, 1, 20));
    }

    private Task<int> MonthCountAsync()
    {
        var today = ChinaTime.FromUtc(DateTime.UtcNow);
        var from = ChinaTime.ToUtc(new DateTime(today.Year, today.Month, 1));
        var to = ChinaTime.ToUtc(new DateTime(today.Year, today.Month, 1).AddMonths(1));
        return factory.WithDbAsync(db => db.Activities.CountAsync(a => a.StartUtc >= from && a.StartUtc < to));
    }

    /// <summary>Service days for every community, spread over this month, each with two services and a unit.</summary>
    private Task AddActivitiesAsync(int count) => factory.WithDbAsync(async db =>
    {
        var communities = await db.Communities.Include(c => c.Compounds).Include(c => c.Pairings).AsSplitQuery().ToListAsync();
        var kinds = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).Take(2).ToListAsync();
        var now = DateTime.UtcNow;
        var today = ChinaTime.FromUtc(now);
        var monthStart = new DateTime(today.Year, today.Month, 1);
        var days = DateTime.DaysInMonth(today.Year, today.Month);
        for (var i = 0; i < count; i++)
        {
            var community = communities[i % communities.Count];
            var compound = community.Compounds[i % community.Compounds.Count];
            var start = ChinaTime.ToUtc(monthStart.AddDays(i % days).AddHours(8 + (i % 10)));
            if (start < now.AddDays(-6)) start = now.AddDays(1 + (i % 5));
            var unit = community.Pairings.Where(p => p.EndDate == null).Select(p => p.MemberUnitId).Take(1).ToList();
            db.Activities.Add(Activity.Schedule(new ActivityDetails(community.Id, compound.Id, ActivityKind.ServiceDay, null, $"批量活动 {i}", "广场",
                start, start.AddHours(2), ActivityOrganiser.CommunityCommittee, null, null,
                [new PlannedService(kinds[0], 1), new PlannedService(kinds[1], 2)], unit), now));
        }
        await db.SaveChangesAsync();
    });
}

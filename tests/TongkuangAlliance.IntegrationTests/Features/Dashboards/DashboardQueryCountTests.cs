using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace TongkuangAlliance.IntegrationTests.Features.Dashboards;

/// <summary>The portal computing its dashboards on every request (no reuse of figures computed moments ago).</summary>
public sealed class UncachedDashboardPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:CacheSeconds"] = "0" }));
    }
}

/// <summary>The dashboards run the same number of queries with many more records (computed each time, not reused).</summary>
public sealed class DashboardQueryCountTests(UncachedDashboardPortal factory) : IClassFixture<UncachedDashboardPortal>
{
    [Fact]
    public async Task The_dashboards_run_a_fixed_number_of_queries_whatever_the_data_size()
    {
        var ids = await factory.DemoIdsAsync();
        using var counter = new QueryCounter(factory.DatabasePath);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        (PortalClient Client, string Url)[] pages =
        [
            (jiedao, "/Dashboards?kind=Year&year=2023"),
            (jiedao, $"/Dashboards/Community/{ids.NorthCommunity}?kind=Year&year=2023"),
            (jiedao, "/Dashboards/Report?kind=Year&year=2023"),
            (nanqu, "/Dashboards?kind=Custom&from=2023-01-01&to=2024-12-31"),
            (unit, "/Dashboards/Unit?kind=Year&year=2023"),
        ];

        async Task<List<int>> CountAsync()
        {
            var counts = new List<int>();
            foreach (var (client, url) in pages)
            {
                await client.GetDocumentAsync(url); // warm
                counter.Reset();
                await client.GetDocumentAsync(url);
                counts.Add(counter.Count);
            }
            return counts;
        }

        await DashboardData.GenerateAsync(factory, cases: 30, activities: 12, seed: 1);
        var small = await CountAsync();
        await DashboardData.GenerateAsync(factory, cases: 300, activities: 120, seed: 2);
        var large = await CountAsync();
        Assert.Equal(small, large);
        Assert.All(large, count => Assert.InRange(count, 1, 25));
    }
}

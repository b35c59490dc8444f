using System.Text;
using TongkuangAlliance.IntegrationTests.Authorization;

namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>The community's iCalendar feed: anonymous with a valid token, 404 otherwise; regenerating invalidates the old URL.</summary>
public sealed class ActivityFeedTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_feed_is_anonymous_with_a_valid_token_and_not_found_otherwise()
    {
        using var anonymous = factory.CreatePortalClient();
        var token = ActivitiesMatrixRows.SouthFeedToken;
        using var response = await anonymous.GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + DemoActivities.SouthRecentTitle, text, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("北苑小区", text, StringComparison.Ordinal); // 北区's compound: another community's feed
        Assert.DoesNotContain(DemoActivities.SouthDifficulty, text, StringComparison.Ordinal); // no residents' data
        Assert.All(text.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));

        foreach (var bad in new[] { "not-a-token", token[..^1], token.ToUpperInvariant(), new string('a', 200) })
        {
            using var refused = await anonymous.GetAsync($"/calendar/{bad}.ics");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Regenerating_the_token_invalidates_the_old_url()
    {
        using var anonymous = factory.CreatePortalClient();
        using var xincun = await factory.CreatePortalClient().SignedInAsAsync("xincun");
        var community = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == "新村社区").Select(c => c.Id).SingleAsync());
        var old = DemoActivities.FeedToken(PortalFactory.DemoPassword, "新村社区");

        var page = await xincun.GetDocumentAsync($"/Communities/Details/{community}");
        Assert.EndsWith($"/calendar/{old}.ics", page.QuerySelector("#calendar-feed .feed-url")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#calendar-feed a[href='/Activities?communityId={community}']"));

        using (var regenerate = await xincun.PostFormAsync($"/Activities/RegenerateFeed/{community}", $"/Communities/Details/{community}", []))
            Assert.Equal(HttpStatusCode.Redirect, regenerate.StatusCode);
        var fresh = await factory.WithDbAsync(db => db.ActivityFeeds.Where(f => f.CommunityId == community).Select(f => f.Token).SingleAsync());
        Assert.NotEqual(old, fresh);
        Assert.Equal(43, fresh.Length);

        using (var stale = await anonymous.GetAsync($"/calendar/{old}.ics"))
            Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        using (var current = await anonymous.GetAsync($"/calendar/{fresh}.ics"))
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}

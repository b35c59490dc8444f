using System.Text;
using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// Each community's calendar as an iCalendar feed (issue 4), for phone calendars: anonymous behind an unguessable
/// token, which the community's committees (<see cref="ActivityOperations.RegenerateFeed"/>) create or replace.
/// </summary>
public sealed class CalendarFeedController(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The community's calendar for phone calendars, which cannot sign in: anonymous with a valid token, 404
    /// otherwise. Activities from a year ago onwards, cancelled ones marked CANCELLED.
    /// </summary>
    [HttpGet("/calendar/{token}.ics")]
    [AllowAnonymous]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return NotFound();
        var feed = await db.ActivityFeeds.AsNoTracking().Where(f => f.Token == token)
            .Select(f => new { f.CommunityId, f.Community!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (feed is null) return NotFound();
        var since = Now.AddDays(-365);
        var events = await db.Activities.AsNoTracking()
            .Where(a => a.CommunityId == feed.CommunityId && a.EndUtc > since)
            .OrderBy(a => a.StartUtc)
            .Select(a => new ICalendarEvent(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Place, a.Description, a.Status == ActivityStatus.Cancelled,
                a.ModifiedAtUtc ?? a.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        var host = Request.Host.Host;
        var text = ICalendar.Write(l["Activities.FeedName", feed.Name], $"activity-{{0}}@{host}", events, Now);
        Response.Headers.CacheControl = "no-cache";
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"community-{feed.CommunityId}.ics");
    }

    /// <summary>A new token for the community's feed: the old subscription URL stops working.</summary>
    [HttpPost("Activities/RegenerateFeed/{id?}")]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> RegenerateFeed(int id, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().VisibleTo(User.Scope()).Where(c => c.Id == id)
            .Select(c => new { c.Id, c.SubDistrictId }).SingleOrDefaultAsync(cancellationToken);
        if (community is null) return NotFound();
        var resource = ActivityResource.ForCommunity(community.SubDistrictId, community.Id);
        if (!(await authorization.AuthorizeAsync(User, resource, ActivityOperations.RegenerateFeed)).Succeeded) return Forbid();
        var feed = await db.ActivityFeeds.SingleOrDefaultAsync(f => f.CommunityId == id, cancellationToken);
        if (feed is null) db.ActivityFeeds.Add(ActivityFeed.For(id));
        else feed.Regenerate();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["Activities.FeedRegenerated"].Value;
        return Redirect(Url.Action("Details", "Communities", new { id }) + "#calendar-feed");
    }
}

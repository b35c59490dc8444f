namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>On a community's page: a link to its calendar and how to subscribe to its iCalendar feed.</summary>
public sealed class ActivityFeedViewComponent(AppDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int communityId)
    {
        var scope = UserScope.FromPrincipal(HttpContext.User);
        if (scope is null) return Content(string.Empty);
        var subDistrict = await db.Communities.AsNoTracking().VisibleTo(scope).Where(c => c.Id == communityId)
            .Select(c => (int?)c.SubDistrictId).SingleOrDefaultAsync();
        if (subDistrict is null) return Content(string.Empty);
        var token = await db.ActivityFeeds.AsNoTracking().Where(f => f.CommunityId == communityId).Select(f => f.Token).SingleOrDefaultAsync();
        var url = token is null ? null : Url.Action("Feed", "CalendarFeed", new { token }, Request.Scheme);
        var resource = ActivityResource.ForCommunity(subDistrict.Value, communityId);
        return View(new FeedViewModel
        {
            CommunityId = communityId,
            Url = url,
            CanRegenerate = (await authorization.AuthorizeAsync(HttpContext.User, resource, ActivityOperations.RegenerateFeed)).Succeeded,
        });
    }
}

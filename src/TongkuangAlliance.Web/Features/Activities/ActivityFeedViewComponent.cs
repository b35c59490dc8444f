using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>On a community's page: a link to its calendar and how to subscribe to its iCalendar feed.</summary>
public sealed class ActivityFeedViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int communityId)
    {
        var scope = UserScope.FromPrincipal(HttpContext.User);
        if (scope is null) return Content(string.Empty);
        var visible = await db.Communities.AsNoTracking().VisibleTo(scope).AnyAsync(c => c.Id == communityId);
        if (!visible) return Content(string.Empty);
        var token = await db.ActivityFeeds.AsNoTracking().Where(f => f.CommunityId == communityId).Select(f => f.Token).SingleOrDefaultAsync();
        var url = token is null ? null : Url.Action("Feed", "Activities", new { token }, Request.Scheme);
        return View(new FeedViewModel
        {
            CommunityId = communityId,
            Url = url,
            CanRegenerate = scope.Role is PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee,
        });
    }
}

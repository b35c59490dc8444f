using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>Home pages: the next few activities in the user's scope (one query).</summary>
public sealed class UpcomingActivitiesViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var scope = UserScope.FromPrincipal(HttpContext.User);
        if (scope is null) return Content(string.Empty);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Activities.AsNoTracking().VisibleTo(scope)
            .Where(a => a.EndUtc > now && a.Status == ActivityStatus.Planned)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .Take(Count)
            .Select(a => new ActivityRow(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Community!.Name, a.Compound != null ? a.Compound.Name : null,
                a.Kind, a.Stream, a.Status, a.Place))
            .ToListAsync();
        return View(rows);
    }
}

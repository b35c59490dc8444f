using System.Security.Claims;
using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// How the activity controllers ask <see cref="ActivityAuthorizationHandler"/>: the activity's resource is read in one
/// small query (its community's sub-district, its invited units), so no entity has to be loaded just to be authorized.
/// </summary>
public static class ActivityAccess
{
    public static IQueryable<ActivityResource> AsResources(this IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityResource(a.Community!.SubDistrictId, a.CommunityId,
            a.Units.Where(u => u.IsInvited).Select(u => u.MemberUnitId).ToList()));

    /// <summary>Whether the user may do <paramref name="operation"/> to the activity (false when there is no such activity).</summary>
    public static async Task<bool> MayActOnActivityAsync(this IAuthorizationService authorization, ClaimsPrincipal user, AppDbContext db,
        int activityId, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var resource = await db.Activities.AsNoTracking().Where(a => a.Id == activityId).AsResources().SingleOrDefaultAsync(ct);
        return resource is not null && (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;
    }

    /// <summary>
    /// One step on an activity (cancel, confirm, add a difficulty…) from its page: saved with the version the page
    /// showed, the outcome in TempData, back to the activity's page.
    /// </summary>
    public static async Task<IActionResult> ActivityStepAsync(this Controller controller, AppDbContext db, IStringLocalizer l,
        Activity activity, Guid version, Action step, string successKey, CancellationToken ct)
    {
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            step();
            await db.SaveChangesAsync(ct);
            controller.TempData["Success"] = l[successKey].Value;
        }
        catch (DomainException error)
        {
            controller.TempData["Error"] = l[error.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            controller.TempData["Error"] = l["Concurrency.Conflict"].Value;
        }
        return controller.RedirectToAction("Details", "Activities", new { id = activity.Id });
    }
}

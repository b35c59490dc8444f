using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Core.Activities;

public static class ActivityQueries
{
    /// <summary>An activity with everything its rules look at.</summary>
    public static IQueryable<Activity> IncludeForRules(this IQueryable<Activity> activities) =>
        activities.Include(a => a.Services).Include(a => a.Units).Include(a => a.Difficulties).AsSplitQuery();

    /// <summary>Adds the default service kinds when there are none yet (a fresh deployment).</summary>
    public static async Task EnsureDefaultServiceKindsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.ServiceKinds.AnyAsync(cancellationToken)) return;
        db.ServiceKinds.AddRange(ServiceKind.Defaults());
        await db.SaveChangesAsync(cancellationToken);
    }
}

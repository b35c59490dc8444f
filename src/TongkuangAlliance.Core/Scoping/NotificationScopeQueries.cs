using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Scoping;

/// <summary>
/// Notifications (issue 17): a user reads only their own, and of those only the ones whose record they may still
/// open — scope is checked when a notification is written and again here, when it is shown, with the same
/// <c>VisibleTo(scope)</c> as the record's own pages. One query, whatever the number of notifications.
/// </summary>
public static class NotificationScopeQueries
{
    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, AppDbContext db, string userId, UserScope scope)
    {
        var cases = db.Cases.VisibleTo(scope);
        var terms = db.AgreementTerms.VisibleTo(scope);
        var items = db.ActionItems.VisibleTo(scope);
        var activities = ActivitiesOpenTo(db, scope);
        var digests = db.NotificationDigests.VisibleTo(scope);
        return notifications.Where(n => n.UserId == userId
            && (n.CaseId == null || cases.Any(c => c.Id == n.CaseId))
            && (n.AgreementTermId == null || terms.Any(t => t.Id == n.AgreementTermId))
            && (n.ActionItemId == null || items.Any(a => a.Id == n.ActionItemId))
            && (n.ActivityId == null || activities.Any(a => a.Id == n.ActivityId))
            && (n.DigestId == null || digests.Any(d => d.Id == n.DigestId)));
    }

    /// <summary>
    /// The activities a notification may be about for this reader: those of the activity pages' scope, and for a
    /// volunteer (who has no activity pages) those they signed up for, which their own page lists.
    /// </summary>
    public static IQueryable<Activities.Activity> ActivitiesOpenTo(AppDbContext db, UserScope scope) => scope.Role == PortalRole.Volunteer
        ? db.Activities.Where(a => db.ActivitySignUps.Any(s => s.ActivityId == a.Id && s.PartyMemberId == scope.PartyMemberId))
        : db.Activities.VisibleTo(scope);

    /// <summary>A weekly digest to the committee of its sub-district; a unit's monthly summary to that unit's accounts.</summary>
    public static IQueryable<NotificationDigest> VisibleTo(this IQueryable<NotificationDigest> digests, UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => digests.Where(d => d.SubDistrictId == scope.SubDistrictId),
        PortalRole.PairedUnit => digests.Where(d => d.MemberUnitId != null && d.MemberUnitId == scope.MemberUnitId),
        _ => digests.Where(_ => false),
    };
}

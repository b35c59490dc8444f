using TongkuangAlliance.Core.Data;

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
        return notifications.Where(n => n.UserId == userId
            && (n.CaseId == null || cases.Any(c => c.Id == n.CaseId))
            && (n.AgreementTermId == null || terms.Any(t => t.Id == n.AgreementTermId))
            && (n.ActionItemId == null || items.Any(a => a.Id == n.ActionItemId)));
    }
}

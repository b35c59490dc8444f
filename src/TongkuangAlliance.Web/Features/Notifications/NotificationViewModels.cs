using System.Security.Claims;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.Web.Features.Notifications;

public sealed record NotificationRow(long Id, NotificationKind Kind, DateTime CreatedAtUtc, DateTime? ReadAtUtc, string Parameters);

/// <summary>One notification as its reader sees it: the text rendered in the reader's language.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string KindName, string Text, DateTime CreatedAtUtc, bool IsUnread);

public sealed record KindOption(NotificationKind Value, string Name);

public sealed class NotificationIndexViewModel
{
    /// <summary>Whether the reader may open the delivery log (the sub-district committee).</summary>
    public bool CanSeeDeliveryLog { get; init; }

    public required PagedList<NotificationItem> Notifications { get; init; }
    public bool Unread { get; init; }
    public NotificationKind? Kind { get; init; }
    public required IReadOnlyList<KindOption> Kinds { get; init; }
}

/// <summary>The bell: the signed-in user's unread count (one query).</summary>
public sealed class NotificationBellViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var scope = UserScope.FromPrincipal(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (scope is null || userId is null) return Content("");
        var unread = await db.Notifications.AsNoTracking().VisibleTo(db, userId, scope).CountAsync(n => n.ReadAtUtc == null);
        return View(unread);
    }
}

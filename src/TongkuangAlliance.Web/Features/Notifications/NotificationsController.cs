using System.Security.Claims;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.Web.Features.Notifications;

/// <summary>
/// 提醒 (issue 17): the inbox of the signed-in user, for every role. A user reads and marks only their own
/// notifications, and only those whose record they may still open (<see cref="NotificationScopeQueries"/>):
/// anything else is not found. Opening one marks it read and goes to its record.
/// </summary>
[OpenToVolunteers]
public sealed class NotificationsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(bool unread = false, NotificationKind? kind = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = Mine();
        if (unread) query = query.Where(n => n.ReadAtUtc == null);
        if (kind is { } k && Enum.IsDefined(k)) query = query.Where(n => n.Kind == k);
        else kind = null;
        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.CreatedAtUtc, n.ReadAtUtc, n.Parameters))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        var items = new PagedList<NotificationItem>
        {
            Items = rows.Items.Select(Item).ToList(), Page = rows.Page, PageSize = rows.PageSize, TotalCount = rows.TotalCount,
        };
        ViewData["Title"] = l["Notifications.Title"];
        return View(new NotificationIndexViewModel
        {
            Notifications = items, Unread = unread, Kind = kind,
            CanSeeDeliveryLog = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded,
            Kinds = Enum.GetValues<NotificationKind>().Select(v => new KindOption(v, l[$"Notification.Kind.{v}"])).ToList(),
        });
    }

    /// <summary>Marks the notification read and goes to its record.</summary>
    [HttpPost]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var notification = await Mine().AsTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null) return NotFound();
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(await RecordUrlAsync(notification));
    }

    /// <summary>A digest (the sub-district's week, a unit's month): its figures, each linked to its list.</summary>
    [HttpGet]
    public async Task<IActionResult> Digest(int id, CancellationToken cancellationToken)
    {
        var digest = await db.NotificationDigests.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (digest is null) return NotFound();
        ViewData["Title"] = l[$"Digest.{digest.Kind}.Title"];
        return View(DigestPage.Build(digest, Url));
    }

    [HttpPost]
    public async Task<IActionResult> MarkRead(long id, string? returnUrl, CancellationToken cancellationToken)
    {
        var notification = await Mine().AsTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null) return NotFound();
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return BackTo(returnUrl);
    }

    /// <summary>Marks every unread notification of the user read (one UPDATE).</summary>
    [HttpPost]
    public async Task<IActionResult> MarkAllRead(string? returnUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.UserId == UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        TempData["Success"] = l["Notifications.AllMarked", marked].Value;
        return BackTo(returnUrl);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The user's own notifications about records they may still open.</summary>
    private IQueryable<Notification> Mine() => db.Notifications.AsNoTracking().VisibleTo(db, UserId, User.Scope());

    private IActionResult BackTo(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));

    private NotificationItem Item(NotificationRow n) => new(
        n.Id, n.Kind, l[$"Notification.Kind.{n.Kind}"], l[$"Notification.Text.{n.Kind}", NotificationParameters.Read(n.Parameters)], n.CreatedAtUtc, n.ReadAtUtc is null);

    /// <summary>The record's page; a volunteer's activity is on their own page (they have no activity pages).</summary>
    private async Task<string> RecordUrlAsync(Notification n)
    {
        if (n.CaseId is { } c) return Url.Action("Details", "Cases", new { id = c })!;
        if (n.AgreementTermId is { } t) return Url.Action("Fulfil", "Terms", new { id = t })!;
        if (n.ActionItemId is { } a) return Url.Action("ActionItem", "Supervision", new { id = a })!;
        if (n.DigestId is { } d) return Url.Action(nameof(Digest), new { id = d })!;
        return (await authorization.AuthorizeAsync(User, Policies.VolunteerOnly)).Succeeded
            ? Url.Action("Index", "MyVolunteering")!
            : Url.Action("Details", "Activities", new { id = n.ActivityId })!;
    }
}

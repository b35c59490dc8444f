using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications;

namespace TongkuangAlliance.Web.Features.Notifications;

/// <summary>
/// 退订: the link at the foot of every notification email (issue 17). It works without signing in: the token is a
/// Data Protection payload of (account, kind) that cannot be forged or altered. Opening it shows what will stop and
/// a button that turns that kind off for email. The form carries an antiforgery token like every other form (so the
/// one-click List-Unsubscribe-Post of RFC 8058 is not offered; List-Unsubscribe opens this page).
/// </summary>
[AllowAnonymous]
[OpenToVolunteers]
[Route("Unsubscribe")]
public sealed class UnsubscribeController(AppDbContext db, NotificationSecrets secrets, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? token)
    {
        ViewData["Title"] = l["Unsubscribe.Title"];
        var target = secrets.ReadUnsubscribeToken(token);
        return View("Unsubscribe", new UnsubscribeViewModel(token ?? "", target is { } t ? l[$"Notification.Kind.{t.Kind}"].Value : null, Done: false));
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(string? token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Unsubscribe.Title"];
        if (secrets.ReadUnsubscribeToken(token) is not { } target || !await db.Users.AnyAsync(u => u.Id == target.UserId, cancellationToken))
            return View("Unsubscribe", new UnsubscribeViewModel("", null, Done: false));
        var exists = await db.NotificationOptOuts.AnyAsync(o => o.UserId == target.UserId && o.Kind == target.Kind && o.Channel == DeliveryChannel.Email, cancellationToken);
        if (!exists)
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { UserId = target.UserId, Kind = target.Kind, Channel = DeliveryChannel.Email });
            await db.SaveChangesAsync(cancellationToken);
        }
        return View("Unsubscribe", new UnsubscribeViewModel("", l[$"Notification.Kind.{target.Kind}"].Value, Done: true));
    }
}

/// <summary>The unsubscribe page: the kind that stops (null: the link is not valid).</summary>
public sealed record UnsubscribeViewModel(string Token, string? KindName, bool Done);

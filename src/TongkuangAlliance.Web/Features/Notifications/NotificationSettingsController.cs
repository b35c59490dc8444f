using System.Security.Claims;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Localization;

namespace TongkuangAlliance.Web.Features.Notifications;

/// <summary>
/// 提醒设置 (issue 17): which kinds the signed-in user also receives by email, and the language messages to them
/// are written in. Every kind stays in the portal's inbox whatever is chosen here. Robots belong to organisations
/// and SMS to residents, so neither is a per-user choice.
/// </summary>
[OpenToVolunteers]
public sealed class NotificationSettingsController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await ShowAsync(null, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Index(NotificationSettingsInput input, CancellationToken cancellationToken)
    {
        if (input.Culture is not (PortalCultures.Chinese or PortalCultures.English))
        {
            ModelState.AddModelError(nameof(input.Culture), l["NotificationSettings.CultureInvalid"]);
            return await ShowAsync(input, cancellationToken);
        }
        var user = await db.Users.SingleAsync(u => u.Id == UserId, cancellationToken);
        user.PreferredCulture = input.Culture;
        var wanted = (input.Email ?? []).Where(Enum.IsDefined).ToHashSet();
        var existing = await db.NotificationOptOuts.Where(o => o.UserId == UserId && o.Channel == DeliveryChannel.Email).ToListAsync(cancellationToken);
        db.NotificationOptOuts.RemoveRange(existing.Where(o => wanted.Contains(o.Kind)));
        foreach (var kind in Enum.GetValues<NotificationKind>().Where(k => !wanted.Contains(k) && existing.All(o => o.Kind != k)))
            db.NotificationOptOuts.Add(new NotificationOptOut { UserId = UserId, Kind = kind, Channel = DeliveryChannel.Email });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["NotificationSettings.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> ShowAsync(NotificationSettingsInput? input, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => new { u.Email, u.EmailConfirmed, u.PreferredCulture }).SingleAsync(cancellationToken);
        var off = await db.NotificationOptOuts.Where(o => o.UserId == UserId && o.Channel == DeliveryChannel.Email).Select(o => o.Kind).ToListAsync(cancellationToken);
        ViewData["Title"] = l["NotificationSettings.Title"];
        return View("Settings", new NotificationSettingsViewModel
        {
            HasEmail = user.EmailConfirmed && !string.IsNullOrWhiteSpace(user.Email),
            Culture = input?.Culture ?? Infrastructure.Notifications.MessageRenderer.CultureOf(user.PreferredCulture),
            Kinds = Enum.GetValues<NotificationKind>().Select(k => new KindSetting(k, l[$"Notification.Kind.{k}"], !off.Contains(k))).ToList(),
        });
    }
}

public sealed class NotificationSettingsInput
{
    public List<NotificationKind>? Email { get; set; }
    public string? Culture { get; set; }
}

public sealed record KindSetting(NotificationKind Kind, string Name, bool Email);

public sealed class NotificationSettingsViewModel
{
    public bool HasEmail { get; init; }
    public string Culture { get; init; } = PortalCultures.Chinese;
    public IReadOnlyList<KindSetting> Kinds { get; init; } = [];
}

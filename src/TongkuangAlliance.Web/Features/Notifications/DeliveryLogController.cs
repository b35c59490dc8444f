using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Features.Notifications;

/// <summary>
/// 发送记录 (issue 17): the sub-district committee's view of what left the portal — each delivery of its own
/// sub-district with its status, attempts and last error, filtered and paged; a resend button for what failed or
/// was cancelled; and each channel's health (last success, failures in the last 24 hours). Another sub-district's
/// delivery is not found.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class DeliveryLogController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(DeliveryFilter? status = null, DeliveryChannel? channel = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = Mine().AsNoTracking();
        if (channel is { } c && Enum.IsDefined(c)) query = query.Where(d => d.Channel == c);
        else channel = null;
        query = status switch
        {
            DeliveryFilter.Sent => query.Where(d => d.Status == DeliveryStatus.Sent),
            DeliveryFilter.Failed => query.Where(d => d.Status == DeliveryStatus.Failed),
            DeliveryFilter.Retrying => query.Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending) && d.Attempts > 0),
            DeliveryFilter.Waiting => query.Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending) && d.Attempts == 0),
            DeliveryFilter.Cancelled => query.Where(d => d.Status == DeliveryStatus.Cancelled),
            _ => query,
        };
        var rows = await query.OrderByDescending(d => d.Id)
            .Select(d => new DeliveryRow(d.Id, d.CreatedAtUtc, d.Channel, d.Kind, d.Status, d.Attempts, d.NextAttemptUtc, d.SentAtUtc, d.LastError,
                db.Users.Where(u => u.Id == d.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Communities.Where(x => x.Id == d.CommunityId).Select(x => x.Name).FirstOrDefault()
                    ?? db.MemberUnits.Where(x => x.Id == d.MemberUnitId).Select(x => x.Name).FirstOrDefault()))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l["DeliveryLog.Title"];
        return View("DeliveryLog", new DeliveryLogViewModel
        {
            Deliveries = rows, Status = status is { } s && Enum.IsDefined(s) ? s : null, Channel = channel,
            Health = await HealthAsync(cancellationToken),
        });
    }

    /// <summary>Sends a failed, cancelled or waiting delivery again now, its attempts counted afresh.</summary>
    [HttpPost]
    public async Task<IActionResult> Resend(long id, CancellationToken cancellationToken)
    {
        var delivery = await Mine().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null) return NotFound();
        TempData[delivery.Resend(clock.GetUtcNow().UtcDateTime) ? "Success" : "Error"] =
            l[delivery.Status == DeliveryStatus.Pending ? "DeliveryLog.Resent" : "DeliveryLog.NotResendable"].Value;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<NotificationDelivery> Mine()
    {
        var subDistrict = User.Scope().SubDistrictId;
        return db.NotificationDeliveries.Where(d => d.SubDistrictId == subDistrict);
    }

    private async Task<List<ChannelHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var mine = Mine();
        var lastSent = await mine.Where(d => d.SentAtUtc != null).GroupBy(d => d.Channel)
            .Select(g => new { Channel = g.Key, Last = g.Max(d => d.SentAtUtc) }).ToListAsync(cancellationToken);
        var failures = await db.NotificationDeliveryAttempts
            .Where(a => a.AtUtc >= since && (a.Outcome == DeliveryOutcome.Failed || a.Outcome == DeliveryOutcome.GaveUp))
            .Join(mine, a => a.DeliveryId, d => d.Id, (a, d) => d.Channel)
            .GroupBy(c => c).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<DeliveryChannel>().Select(c => new ChannelHealth(c,
            lastSent.FirstOrDefault(x => x.Channel == c)?.Last, failures.FirstOrDefault(x => x.Channel == c)?.Count ?? 0)).ToList();
    }
}

public enum DeliveryFilter
{
    Sent = 1,
    Failed = 2,
    Retrying = 3,
    Waiting = 4,
    Cancelled = 5,
}

public sealed record DeliveryRow(long Id, DateTime CreatedAtUtc, DeliveryChannel Channel, NotificationKind? Kind, DeliveryStatus Status, int Attempts,
    DateTime NextAttemptUtc, DateTime? SentAtUtc, string? LastError, string? UserName, string? OrganisationName);

public sealed record ChannelHealth(DeliveryChannel Channel, DateTime? LastSuccessUtc, int FailuresIn24Hours);

public sealed class DeliveryLogViewModel
{
    public required PagedList<DeliveryRow> Deliveries { get; init; }
    public DeliveryFilter? Status { get; init; }
    public DeliveryChannel? Channel { get; init; }
    public required IReadOnlyList<ChannelHealth> Health { get; init; }
}

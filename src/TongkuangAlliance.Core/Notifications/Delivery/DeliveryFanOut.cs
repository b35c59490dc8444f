using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Notifications.Delivery;

/// <summary>
/// Which copies of an event's notifications go out (ADR 0012), decided when they are written, in the same
/// transaction: an email to each recipient with a confirmed address who has not turned that kind off for email,
/// and one post to the group robot of each organisation (community or member unit) the event tells, when the
/// organisation has one — one per organisation, however many of its accounts are told.
/// </summary>
public static class DeliveryFanOut
{
    /// <summary>The deliveries of the notifications one event caused.</summary>
    public static async Task<List<NotificationDelivery>> DeliveriesForAsync(AppDbContext db, IReadOnlyList<Notification> told, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var result = new List<NotificationDelivery>();
        if (told.Count == 0) return result;
        var userIds = told.Select(n => n.UserId).Distinct().ToList();
        var kinds = told.Select(n => n.Kind).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.Role, u.SubDistrictId, u.CommunityId, u.MemberUnitId })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var optedOut = (await db.NotificationOptOuts.AsNoTracking()
            .Where(o => userIds.Contains(o.UserId) && kinds.Contains(o.Kind) && o.Channel == DeliveryChannel.Email)
            .Select(o => new { o.UserId, o.Kind }).ToListAsync(cancellationToken))
            .Select(o => (o.UserId, o.Kind)).ToHashSet();

        foreach (var notification in told)
        {
            if (!accounts.TryGetValue(notification.UserId, out var account)) continue;
            if (account.EmailConfirmed && !string.IsNullOrWhiteSpace(account.Email) && !optedOut.Contains((account.Id, notification.Kind)))
                result.Add(NotificationDelivery.Email(notification, account.Email.Trim(), account.SubDistrictId, nowUtc));
        }

        // One robot post per organisation: the first of its accounts told stands for it (its scope is re-checked when sent).
        var communityIds = accounts.Values.Where(a => a.Role is PortalRole.CommunityCommittee or PortalRole.GridWorker && a.CommunityId is not null).Select(a => a.CommunityId!.Value).Distinct().ToList();
        var unitIds = accounts.Values.Where(a => a.Role == PortalRole.PairedUnit && a.MemberUnitId is not null).Select(a => a.MemberUnitId!.Value).Distinct().ToList();
        var communitiesWithRobot = communityIds.Count == 0 ? [] : await db.Communities.AsNoTracking()
            .Where(c => communityIds.Contains(c.Id) && c.RobotWebhookUrl != null).Select(c => c.Id).ToListAsync(cancellationToken);
        var unitsWithRobot = unitIds.Count == 0 ? [] : await db.MemberUnits.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) && u.RobotWebhookUrl != null).Select(u => u.Id).ToListAsync(cancellationToken);
        var posted = new HashSet<(int?, int?, NotificationKind)>();
        foreach (var notification in told)
        {
            if (!accounts.TryGetValue(notification.UserId, out var account)) continue;
            (int? community, int? unit) organisation = account.Role switch
            {
                PortalRole.CommunityCommittee or PortalRole.GridWorker when account.CommunityId is { } c && communitiesWithRobot.Contains(c) => (c, null),
                PortalRole.PairedUnit when account.MemberUnitId is { } u && unitsWithRobot.Contains(u) => (null, u),
                _ => (null, null),
            };
            if (organisation is (null, null) || !posted.Add((organisation.community, organisation.unit, notification.Kind))) continue;
            result.Add(NotificationDelivery.Robot(notification, organisation.community, organisation.unit, account.SubDistrictId, nowUtc));
        }
        return result;
    }
}

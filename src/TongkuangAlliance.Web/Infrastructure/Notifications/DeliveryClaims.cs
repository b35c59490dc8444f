using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>
/// Claims due deliveries for one dispatcher (ADR 0012): each claimed row is set to Sending with this dispatcher's
/// name and a lease, atomically, so that two app instances on one database never take the same row. On PostgreSQL
/// one statement locks the batch with <c>FOR UPDATE SKIP LOCKED</c> (another instance skips the rows, it does not
/// wait for them); elsewhere each candidate is taken by a conditional UPDATE that succeeds for one claimant only.
/// A row whose lease ran out (its instance died mid-send) is due again.
/// </summary>
public static class DeliveryClaims
{
    public static async Task<List<long>> ClaimAsync(AppDbContext db, string owner, DateTime nowUtc, DateTime leaseUntilUtc, int batchSize, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == AppDbContext.NpgsqlProvider)
        {
            return await db.Database.SqlQuery<long>($"""
                UPDATE "NotificationDeliveries" SET "Status" = {(int)DeliveryStatus.Sending}, "LeaseOwner" = {owner}, "LeaseUntilUtc" = {leaseUntilUtc}
                WHERE "Id" IN (
                    SELECT "Id" FROM "NotificationDeliveries"
                    WHERE ("Status" = {(int)DeliveryStatus.Pending} AND "NextAttemptUtc" <= {nowUtc})
                       OR ("Status" = {(int)DeliveryStatus.Sending} AND "LeaseUntilUtc" < {nowUtc})
                    ORDER BY "NextAttemptUtc", "Id"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        var candidates = await Due(db.NotificationDeliveries, nowUtc)
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id).Select(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
        var claimed = new List<long>(candidates.Count);
        foreach (var id in candidates)
        {
            // The WHERE is re-checked by the database when it writes: of two claimants, the second updates nothing.
            var taken = await Due(db.NotificationDeliveries.Where(d => d.Id == id), nowUtc).ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.LeaseOwner, owner)
                .SetProperty(d => d.LeaseUntilUtc, leaseUntilUtc), cancellationToken);
            if (taken == 1) claimed.Add(id);
        }
        return claimed;
    }

    private static IQueryable<NotificationDelivery> Due(IQueryable<NotificationDelivery> deliveries, DateTime nowUtc) =>
        deliveries.Where(d => (d.Status == DeliveryStatus.Pending && d.NextAttemptUtc <= nowUtc)
            || (d.Status == DeliveryStatus.Sending && d.LeaseUntilUtc < nowUtc));
}

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// Issue 20, finding 15: the demo's cases come from several seeders (the story and the open cases, the history in one
/// batch, a service day's difficulty, residents' online requests), each numbered when saved, so a year's numbers did
/// not follow the order of registration (JF2026-0001 registered in December, after JF2026-0213). Run once, right after
/// the first seeding, this renumbers each year's demo cases in registration order — never on a later start, when real
/// cases may exist. The numbers are rewritten in place (no history row: nothing happened to the case), in two passes so
/// the unique index never sees two cases with one number, and the cases' creation rows in the audit log follow.
/// </summary>
public static class DemoCaseNumbering
{
    public static async Task RenumberAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Number, c.RegisteredAtUtc }).ToListAsync(cancellationToken);
        var renumbered = cases
            .GroupBy(c => CaseNumbers.YearOf(c.RegisteredAtUtc))
            .SelectMany(year => year.OrderBy(c => c.RegisteredAtUtc).ThenBy(c => c.Id)
                .Select((c, i) => (c.Id, Old: c.Number, New: CaseNumbers.Format(year.Key, i + 1))))
            .Where(c => c.Old != c.New)
            .ToList();
        if (renumbered.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (id, _, _) in renumbered)
        {
            var temporary = string.Create(CultureInfo.InvariantCulture, $"TMP-{id}");
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Number, temporary), cancellationToken);
        }
        foreach (var (id, old, number) in renumbered)
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Number, number), cancellationToken);
            var entityId = id.ToString(CultureInfo.InvariantCulture);
            await db.AuditEntries.Where(a => a.EntityType == nameof(Case) && a.EntityId == entityId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(old, number)), cancellationToken);
            // Notifications written while seeding carry the case number as a text parameter (JSON, quoted): each
            // follows its own case, so one case's new number never rewrites another's.
            var quotedOld = "\"" + old + "\"";
            var quotedNew = "\"" + number + "\"";
            await db.Notifications.Where(n => n.CaseId == id || db.AgreementTerms.Any(t => t.Id == n.AgreementTermId && t.CaseId == id))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Parameters, n => n.Parameters.Replace(quotedOld, quotedNew)), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

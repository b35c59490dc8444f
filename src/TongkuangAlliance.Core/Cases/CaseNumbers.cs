using System.Globalization;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// 一案一码: numbers like JF2026-0001 — the year of registration in China time and a 4-digit sequence that
/// restarts every year. The number is taken from <see cref="CaseNumberSequence"/> in the same transaction that
/// inserts the case, so a number is used only by a case that was saved, and two intakes at once never share
/// one: the intake advances the year's row with an UPDATE that holds its lock until the case is saved (see
/// <c>AssignAsync</c>). The unique index on <see cref="Case.Number"/> is the last line of defence.
/// </summary>
public static class CaseNumbers
{
    public const int MaxAttempts = 10;

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Case.NumberPrefix}{year}-{sequence:D4}");

    /// <summary>The year a case registered at this instant is numbered in (China time: 31 Dec 17:00 UTC is already next year).</summary>
    public static int YearOf(DateTime registeredAtUtc) => ChinaTime.FromUtc(registeredAtUtc).Year;

    /// <summary>
    /// Saves a newly registered case (and everything else pending in <paramref name="db"/>) with its number:
    /// the one <c>SaveChangesAsync</c> of an intake. Inside a caller's transaction it saves once and leaves
    /// retrying to the caller; otherwise it opens its own transaction and retries a lost race.
    /// </summary>
    public static async Task SaveNewCaseAsync(AppDbContext db, Case kase, CancellationToken cancellationToken = default)
    {
        var state = db.Entry(kase).State;
        if (state == EntityState.Detached) db.Cases.Add(kase);
        else if (state != EntityState.Added) throw new InvalidOperationException("Only a new case is given a number.");
        var year = YearOf(kase.RegisteredAtUtc);

        if (db.Database.CurrentTransaction is not null)
        {
            await AssignAsync(db, kase, year, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var startsYear = await AssignAsync(db, kase, year, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException error) when (attempt < MaxAttempts && (error is DbUpdateConcurrencyException || startsYear))
            {
                // Another intake took this number (or created this year's row) first.
                await transaction.RollbackAsync(cancellationToken);
                ForgetAttempt(db);
            }
        }
    }

    /// <summary>
    /// Numbers many new cases at once, in registration order, for a bulk load that saves them with one
    /// <c>SaveChangesAsync</c> (the demo's history). The sequence rows are read and advanced in the same save, so
    /// the counter stays consistent with the numbers used; a concurrent intake loses on the sequence's concurrency
    /// token rather than sharing a number.
    /// </summary>
    public static async Task NumberBatchAsync(AppDbContext db, IEnumerable<Case> cases, CancellationToken cancellationToken = default)
    {
        foreach (var year in cases.OrderBy(c => c.RegisteredAtUtc).GroupBy(c => YearOf(c.RegisteredAtUtc)))
        {
            var sequence = await db.CaseNumberSequences.SingleOrDefaultAsync(s => s.Year == year.Key, cancellationToken);
            if (sequence is null)
            {
                sequence = new CaseNumberSequence(year.Key);
                db.CaseNumberSequences.Add(sequence);
            }
            foreach (var kase in year)
            {
                if (kase.Number.Length > 0) throw new InvalidOperationException("Only new cases are numbered.");
                kase.AssignNumber(Format(year.Key, sequence.Take()));
            }
        }
    }

    /// <summary>Takes the next number of the year; true when this creates the year's sequence row.</summary>
    /// <remarks>
    /// The counter is advanced by one UPDATE in the intake's transaction, which locks the year's row until the
    /// transaction ends: a concurrent intake waits for it instead of losing a race and retrying. (With a read and
    /// an optimistic save, a hundred intakes at once on PostgreSQL ran out of retries.) Only the very first case
    /// of a year can still lose, to another that created the row at the same moment; the caller retries that.
    /// </remarks>
    private static async Task<bool> AssignAsync(AppDbContext db, Case kase, int year, CancellationToken cancellationToken)
    {
        // Never trust a row this context read earlier: another intake may have moved on since.
        foreach (var stale in db.ChangeTracker.Entries<CaseNumberSequence>().ToList()) stale.State = EntityState.Detached;

        var advanced = await db.CaseNumberSequences.Where(s => s.Year == year)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Next, s => s.Next + 1), cancellationToken);
        if (advanced == 1)
        {
            var next = await db.CaseNumberSequences.AsNoTracking().Where(s => s.Year == year).Select(s => s.Next).SingleAsync(cancellationToken);
            kase.AssignNumber(Format(year, next - 1));
            return false;
        }

        var sequence = new CaseNumberSequence(year);
        db.CaseNumberSequences.Add(sequence);
        kase.AssignNumber(Format(year, sequence.Take()));
        return true;
    }

    /// <summary>Undo what a failed save left in the context: the sequence row read, and the audit rows the interceptor added.</summary>
    private static void ForgetAttempt(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<CaseNumberSequence>().ToList()) entry.State = EntityState.Detached;
        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
    }
}

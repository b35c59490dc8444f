using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;

namespace TongkuangAlliance.Core.Notifications;

/// <summary>
/// The transactional outbox's writer (ADR 0012): a SaveChanges interceptor that turns the domain events raised by the
/// saved records into <see cref="Notification"/> rows, following <see cref="NotificationRules"/>, in the same
/// transaction as the change. A save that raises events runs in a transaction (the caller's, or one this opens);
/// once the change is written — new records have their keys — the rules are applied, the rows saved, and only then
/// is the transaction committed. A change that fails or is rolled back leaves no notification; a notification that
/// cannot be written fails the change.
/// <para>
/// Recipients are resolved to account ids here, at write time: active accounts of the audience, less the person who
/// made the change, less every account that may not open the record — checked with the same <c>VisibleTo(scope)</c>
/// the pages use, against the saved record.
/// </para>
/// </summary>
public sealed class NotificationWriter(TimeProvider clock, ICurrentUser currentUser) : SaveChangesInterceptor
{
    private bool _writing;
    private IDbContextTransaction? _ownTransaction;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsTransaction(eventData.Context)) _ownTransaction = eventData.Context!.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsTransaction(eventData.Context)) _ownTransaction = await eventData.Context!.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    // The first SavedChanges after the change was written applies the rules, whether it is the change's own save or a
    // save nested in it (the audit interceptor's second save, which runs first): either way it is inside the transaction.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_writing || eventData.Context is not AppDbContext db) return result;
        try
        {
            WriteAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
            _ownTransaction?.Commit();
        }
        finally
        {
            EndTransaction();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_writing || eventData.Context is not AppDbContext db) return result;
        try
        {
            await WriteAsync(db, sync: false, cancellationToken);
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            EndTransaction();
        }
        return result;
    }

    // On failure the events stay on their records: a retried save (a lost race for a case number) writes them then.
    // An uncommitted transaction is rolled back when disposed.
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!_writing) EndTransaction();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    // A concurrency conflict is reported here, not through SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        if (!_writing) EndTransaction();
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!_writing) EndTransaction();
        return ValueTask.FromResult(result);
    }

    /// <summary>True when this save raises events and no transaction holds it yet.</summary>
    private bool NeedsTransaction(DbContext? context)
    {
        if (_writing || context is null) return false;
        if (_ownTransaction is not null && context.Database.CurrentTransaction == _ownTransaction) return false;
        EndTransaction(); // left over from a save that ended without telling this interceptor
        return context.Database.CurrentTransaction is null && Raised(context).Count > 0;
    }

    private static List<(AuditableEntity Entity, DomainEvent Event)> Raised(DbContext context) =>
        context.ChangeTracker.Entries<AuditableEntity>()
            .SelectMany(e => e.Entity.DomainEvents().Select(d => (e.Entity, d)))
            .ToList();

    private void EndTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private async Task WriteAsync(AppDbContext db, bool sync, CancellationToken cancellationToken)
    {
        var raised = Raised(db);
        if (raised.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var notifications = new List<Notification>();
        var perEvent = new List<List<Notification>>();
        foreach (var (_, domainEvent) in raised)
        {
            var told = await NotificationsForAsync(db, domainEvent, currentUser.UserId, now, cancellationToken);
            notifications.AddRange(told);
            perEvent.Add(told);
        }

        // Written once: cleared before the rows' own save, which must not see them again.
        foreach (var entity in raised.Select(r => r.Entity).Distinct(ReferenceEqualityComparer.Instance).Cast<AuditableEntity>())
            entity.ClearDomainEvents();
        if (notifications.Count == 0) return;
        db.AddRange(notifications);
        // Their deliveries (email, robot) are written in the same save: a notification never exists without them.
        foreach (var told in perEvent)
            db.AddRange(await Delivery.DeliveryFanOut.DeliveriesForAsync(db, told, now, cancellationToken));
        _writing = true;
        try
        {
            if (sync) db.SaveChanges();
            else await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>The notifications <paramref name="domainEvent"/> causes by <see cref="NotificationRules"/> (one per recipient and rule).</summary>
    public static async Task<List<Notification>> NotificationsForAsync(AppDbContext db, DomainEvent domainEvent, string? currentUserId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var result = new List<Notification>();
        foreach (var rule in NotificationRules.For(domainEvent))
        {
            var audiences = rule.Recipients(domainEvent);
            if (audiences.Count == 0) continue;
            var subject = rule.Subject(domainEvent);
            var parameters = rule.Parameters(domainEvent);
            var told = new HashSet<string>(StringComparer.Ordinal);
            foreach (var audience in audiences)
            {
                foreach (var account in await AccountsAsync(db, audience, cancellationToken))
                {
                    if (!rule.TellsActor && (account.Id == domainEvent.ActorUserId || account.Id == currentUserId)) continue;
                    if (!told.Add(account.Id)) continue;
                    if (!await MayOpenAsync(db, subject, account.Scope, cancellationToken)) continue;
                    result.Add(new Notification(account.Id, rule.Kind, subject, parameters, domainEvent.AtUtc == default ? nowUtc : domainEvent.AtUtc));
                }
            }
        }
        return result;
    }

    private sealed record Account(string Id, UserScope Scope);

    /// <summary>The active accounts an audience names, each with the scope it signs in with.</summary>
    private static async Task<List<Account>> AccountsAsync(AppDbContext db, Audience audience, CancellationToken cancellationToken)
    {
        var active = db.Users.AsNoTracking().Where(u => u.IsActive);
        IQueryable<AppUser>? accounts = audience switch
        {
            Audience.OneAccount { UserId: { } id } => active.Where(u => u.Id == id),
            Audience.CommunityCommitteeOf a => active.Where(u => u.Role == PortalRole.CommunityCommittee && u.CommunityId == a.CommunityId),
            Audience.GridWorkersOf { GridId: { } grid } => active.Where(u => u.Role == PortalRole.GridWorker && u.GridLinks.Any(g => g.GridId == grid)),
            Audience.UnitAccountsOf { MemberUnitId: { } unit } => active.Where(u => u.Role == PortalRole.PairedUnit && u.MemberUnitId == unit),
            Audience.SubDistrictOfCommunity a => active.Where(u => u.Role == PortalRole.SubDistrictCommittee
                && db.Communities.Any(c => c.Id == a.CommunityId && c.SubDistrictId == u.SubDistrictId)),
            Audience.SubDistrictOfMeeting a => active.Where(u => u.Role == PortalRole.SubDistrictCommittee
                && db.JointMeetings.Any(m => m.Id == a.MeetingId && m.SubDistrictId == u.SubDistrictId)),
            Audience.SubDistrictCommitteeOf a => active.Where(u => u.Role == PortalRole.SubDistrictCommittee && u.SubDistrictId == a.SubDistrictId),
            Audience.VolunteerOf a => active.Where(u => u.Role == PortalRole.Volunteer && u.PartyMemberId == a.PartyMemberId),
            Audience.SignedUpFor a => active.Where(u => u.Role == PortalRole.Volunteer
                && db.ActivitySignUps.Any(s => s.ActivityId == a.ActivityId && s.PartyMemberId == u.PartyMemberId && s.Status != Volunteers.SignUpStatus.Withdrawn)),
            Audience.InvitedTo a => active.Where(u => u.Role == PortalRole.PairedUnit
                && db.ActivityUnits.Any(x => x.ActivityId == a.ActivityId && x.IsInvited && x.MemberUnitId == u.MemberUnitId)),
            _ => null,
        };
        if (accounts is null) return [];
        var rows = await accounts.OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Role, u.SubDistrictId, u.CommunityId, u.MemberUnitId, u.PartyMemberId, Grids = u.GridLinks.Select(g => g.GridId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new Account(u.Id, new UserScope(u.Role, u.SubDistrictId, u.CommunityId, u.MemberUnitId) { GridIds = u.Grids, PartyMemberId = u.PartyMemberId })).ToList();
    }

    /// <summary>Whether an account with <paramref name="scope"/> may open the record: the pages' own read rules.</summary>
    public static Task<bool> MayOpenAsync(AppDbContext db, NotificationSubject subject, UserScope scope, CancellationToken cancellationToken = default) => subject.Kind switch
    {
        NotificationSubjectKind.Case => db.Cases.VisibleTo(scope).AnyAsync(c => c.Id == subject.Id, cancellationToken),
        NotificationSubjectKind.AgreementTerm => db.AgreementTerms.VisibleTo(scope).AnyAsync(t => t.Id == subject.Id, cancellationToken),
        NotificationSubjectKind.ActionItem => db.ActionItems.VisibleTo(scope).AnyAsync(a => a.Id == subject.Id, cancellationToken),
        NotificationSubjectKind.Activity => NotificationScopeQueries.ActivitiesOpenTo(db, scope).AnyAsync(a => a.Id == subject.Id, cancellationToken),
        NotificationSubjectKind.Digest => db.NotificationDigests.VisibleTo(scope).AnyAsync(d => d.Id == subject.Id, cancellationToken),
        _ => Task.FromResult(false),
    };
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TongkuangAlliance.Core.Auditing;

/// <summary>
/// Stamps created/modified by/at on every <see cref="AuditableEntity"/>, renews its concurrency token,
/// refuses hard deletes, and appends an <see cref="AuditEntry"/> per change in the same transaction.
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock, ICurrentUser currentUser) : SaveChangesInterceptor
{
    /// <summary>Columns whose values are secrets (issue 17's robot addresses): audited as changed, values hidden.</summary>
    private static readonly string[] SecretProperties = ["RobotWebhookUrl", "RobotSecretProtected"];
    private const string Hidden = "***";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Chinese stays readable in the audit table; characters significant to HTML are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        // "InMediation → Resolved" reads better in the audit than "3 → 4".
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly List<(EntityEntry Entry, AuditEntry Audit, Dictionary<string, object?[]> Changes)> _pendingKeys = [];

    /// <summary>Audit rows this interceptor completes in its second save (keys known only after the insert).</summary>
    private readonly HashSet<AuditEntry> _completing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AuditEntry, object> _rowOwners = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (FillGeneratedKeys()) eventData.Context!.SaveChanges();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (FillGeneratedKeys()) await eventData.Context!.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _pendingKeys.Clear();
        _completing.Clear();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Stamp(DbContext context)
    {
        _rowOwners.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = currentUser.UserId;
        var audits = new List<AuditEntry>();
        var ownedChanges = CollectOwnedChanges(context);
        CollectWorkUpdates(context, ownedChanges);
        RefuseRewritingHistory(context);

        foreach (var entry in context.ChangeTracker.Entries<AuditableEntity>().ToList())
        {
            // A change to an owned part only (a chief, a contact) is a change of its owner: the owner's
            // version is renewed and checked, and the change is audited as the owner's.
            var ownedChange = ownedChanges.GetValueOrDefault(entry.Entity);
            if (ownedChange is { Count: > 0 } && entry.State == EntityState.Unchanged)
                entry.Property(e => e.Version).IsModified = true;

            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAtUtc = now;
                    entry.Entity.CreatedBy = userId;
                    entry.Entity.Version = Guid.NewGuid();
                    break;
                case EntityState.Modified:
                    entry.Entity.ModifiedAtUtc = now;
                    entry.Entity.ModifiedBy = userId;
                    entry.Entity.Version = Guid.NewGuid();
                    break;
                case EntityState.Deleted:
                    throw new InvalidOperationException($"{entry.Entity.GetType().Name} records are never deleted; end or deactivate them instead.");
                default:
                    continue;
            }

            var described = Describe(entry, ownedChange, now, userId);
            if (described is not { } d) continue;
            var (audit, changes) = d;
            audits.Add(audit);
            _rowOwners[audit] = entry.Entity;
            // A new record's key, and a key of a record inserted by the same save (a visit pointed at its new case),
            // exist only after the insert.
            if (entry.State == EntityState.Added || entry.Properties.Any(p => p.IsTemporary && p.Metadata.IsForeignKey() && changes.ContainsKey(p.Metadata.Name)))
                _pendingKeys.Add((entry, audit, changes));
        }

        // Owned types (contacts) change as their owner's properties; the owner entry above records them.
        context.AddRange(audits);
        AssignSubDistricts(context, audits);
    }

    /// <summary>
    /// Which sub-district's audit page shows each new row (rows added directly by a controller included). A
    /// signed-in user's writes belong to the user's sub-district: every account is scoped to one, and its writes
    /// stay within it. An anonymous write (the residents' public form) or a system write has no such user, so
    /// the row takes the sub-district of the record written — its own SubDistrictId, or that of its community —
    /// and a record carrying neither (a party to a case, say) takes the one of the other records of the same
    /// save, which are one action on one community. Rows that already name a sub-district keep it.
    /// </summary>
    private void AssignSubDistricts(DbContext context, List<AuditEntry> interceptorRows)
    {
        var unassigned = context.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.SubDistrictId is null).Select(e => e.Entity).ToList();
        if (unassigned.Count == 0) return;
        if (currentUser.SubDistrictId is { } userSubDistrict)
        {
            foreach (var audit in unassigned) audit.SubDistrictId = userSubDistrict;
            return;
        }

        var written = interceptorRows.Count == 0 ? [] : context.ChangeTracker.Entries<AuditableEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var ownSubDistrict = new Dictionary<object, int?>(ReferenceEqualityComparer.Instance);
        var communityIds = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var entry in written)
        {
            if (entry.Metadata.FindProperty("SubDistrictId") is not null && entry.Property("SubDistrictId").CurrentValue is int subDistrict and > 0)
                ownSubDistrict[entry.Entity] = subDistrict;
            else if (entry.Metadata.FindProperty("CommunityId") is not null && entry.Property("CommunityId").CurrentValue is int community and > 0)
                communityIds[entry.Entity] = community;
        }
        if (communityIds.Count > 0)
        {
            var ids = communityIds.Values.Distinct().ToList();
            var communities = context.Set<Structure.Community>().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.SubDistrictId }).ToDictionary(c => c.Id, c => c.SubDistrictId);
            foreach (var (entity, community) in communityIds)
                if (communities.TryGetValue(community, out var subDistrict)) ownSubDistrict[entity] = subDistrict;
        }
        var ofTheSave = ownSubDistrict.Values.FirstOrDefault(v => v is not null);
        var rowOwners = _rowOwners;
        foreach (var audit in unassigned)
            audit.SubDistrictId = rowOwners.TryGetValue(audit, out var owner) && ownSubDistrict.TryGetValue(owner, out var own) ? own : ofTheSave;
        rowOwners.Clear();
    }

    /// <summary>
    /// The audit is append-only: a stored <see cref="AuditEntry"/> is never changed or removed. The one
    /// update allowed is this interceptor's own second save (<see cref="FillGeneratedKeys"/>): the keys of
    /// records inserted by the first, known only after it.
    /// </summary>
    private void RefuseRewritingHistory(DbContext context)
    {
        // A case's timeline is history too: its entries are only ever appended.
        foreach (var entry in context.ChangeTracker.Entries<Cases.CaseEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Case timeline entries are append-only: they are never changed or deleted.");
        }
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Deleted)
                throw new InvalidOperationException("Audit records are append-only: they are never deleted.");
            if (entry.State != EntityState.Modified) continue;
            var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
            var fillsKey = _completing.Contains(entry.Entity)
                && changed.All(p => p.Metadata.Name is nameof(AuditEntry.EntityId) or nameof(AuditEntry.Changes));
            if (!fillsKey)
                throw new InvalidOperationException("Audit records are append-only: they are never changed.");
        }
    }

    private static (AuditEntry Audit, Dictionary<string, object?[]> Changes)? Describe(EntityEntry entry, Dictionary<string, object?[]>? ownedChange, DateTime now, string? userId)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(AuditableEntity.Version) or nameof(AuditableEntity.ModifiedAtUtc) or nameof(AuditableEntity.ModifiedBy) or Data.AppDbContext.RowVersionColumn) continue;
            if (entry.State == EntityState.Added)
            {
                if (!property.Metadata.IsPrimaryKey()) changes[name] = [null, property.CurrentValue];
            }
            else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                changes[name] = [property.OriginalValue, property.CurrentValue];
            }
        }
        foreach (var (name, values) in ownedChange ?? []) changes[name] = values;
        // A robot's webhook carries its key and its secret signs posts: the log says they changed, never what to.
        foreach (var name in SecretProperties.Where(changes.ContainsKey).ToList())
            changes[name] = [changes[name][0] is null ? null : Hidden, changes[name][1] is null ? null : Hidden];

        if (entry.State == EntityState.Modified && changes.Count == 0) return null;

        return (new AuditEntry
        {
            AtUtc = now,
            UserId = userId,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = entry.State == EntityState.Added ? "" : Convert.ToString(entry.Property(nameof(AuditableEntity.Id)).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)!,
            Action = entry.State.ToString(),
            Changes = JsonSerializer.Serialize(changes, JsonOptions),
        }, changes);
    }

    /// <summary>
    /// Changes of owned parts (OwnsOne), grouped by their owner: "Chief.Name" → [before, after]. A part that was
    /// removed (a post made vacant) shows its old values against null; a replaced part, old against new.
    /// </summary>
    private static Dictionary<object, Dictionary<string, object?[]>> CollectOwnedChanges(DbContext context)
    {
        var result = new Dictionary<object, Dictionary<string, object?[]>>(ReferenceEqualityComparer.Instance);
        foreach (var owned in context.ChangeTracker.Entries().Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var ownership = owned.Metadata.FindOwnership()!;
            var keyValues = ownership.Properties.Select(p => owned.State == EntityState.Deleted ? owned.Property(p.Name).OriginalValue : owned.Property(p.Name).CurrentValue).ToArray();
            var owner = context.ChangeTracker.Entries<AuditableEntity>().FirstOrDefault(e =>
                e.Metadata == ownership.PrincipalEntityType && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(keyValues));
            if (owner is null) continue;

            if (!result.TryGetValue(owner.Entity, out var changes)) result[owner.Entity] = changes = [];
            var prefix = ownership.PrincipalToDependent!.Name;
            foreach (var property in owned.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey()))
            {
                // A replaced part shows up as one deleted and one added entry: each fills its own side.
                var pair = changes.TryGetValue($"{prefix}.{property.Metadata.Name}", out var existing) ? existing : [null, null];
                if (owned.State != EntityState.Added) pair[0] = property.OriginalValue;
                if (owned.State != EntityState.Deleted) pair[1] = property.CurrentValue;
                changes[$"{prefix}.{property.Metadata.Name}"] = pair;
            }
        }
        foreach (var changes in result.Values)
            foreach (var unchanged in changes.Where(c => Equals(c.Value[0], c.Value[1])).Select(c => c.Key).ToList())
                changes.Remove(unchanged);
        return result;
    }

    /// <summary>
    /// A progress report's note or a send-back's comment on supervised work (a <see cref="Joint.WorkUpdate"/>, kept
    /// in the work's own history) is audited as a change of the work it belongs to: "Update.Kind" and "Update.Note".
    /// </summary>
    private static void CollectWorkUpdates(DbContext context, Dictionary<object, Dictionary<string, object?[]>> changes)
    {
        var added = context.ChangeTracker.Entries<Joint.WorkUpdate>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return;
        foreach (var work in context.ChangeTracker.Entries<Joint.SupervisedWork>().Select(e => e.Entity))
        {
            var update = work.Updates.LastOrDefault(u => added.Contains(u));
            if (update is null) continue;
            if (!changes.TryGetValue(work, out var own)) changes[work] = own = [];
            own["Update.Kind"] = [null, update.Kind];
            if (update.Note.Length > 0) own["Update.Note"] = [null, update.Note];
        }
    }

    /// <summary>
    /// Keys of added rows exist only after the insert, so their audit rows get the key in a second, small
    /// save. Inside a caller's transaction both saves commit together; outside one, the audit row of an
    /// insert exists with an empty key until that second save, which follows immediately. A row added in the
    /// same save as its parent (a visit with its new case) recorded the parent's temporary key: its foreign
    /// keys are written again with the keys the database gave.
    /// </summary>
    private bool FillGeneratedKeys()
    {
        if (_pendingKeys.Count == 0)
        {
            _completing.Clear();
            return false;
        }
        foreach (var (entry, audit, changes) in _pendingKeys)
        {
            _completing.Add(audit);
            audit.EntityId = Convert.ToString(entry.Property(nameof(AuditableEntity.Id)).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)!;
            var foreignKeys = entry.Properties.Where(p => p.Metadata.IsForeignKey() && changes.ContainsKey(p.Metadata.Name)
                && !Equals(changes[p.Metadata.Name][1], p.CurrentValue)).ToList();
            if (foreignKeys.Count == 0) continue;
            foreach (var property in foreignKeys) changes[property.Metadata.Name][1] = property.CurrentValue;
            audit.Changes = JsonSerializer.Serialize(changes, JsonOptions);
        }
        _pendingKeys.Clear();
        return true;
    }
}

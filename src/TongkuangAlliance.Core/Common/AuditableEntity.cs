namespace TongkuangAlliance.Core.Common;

/// <summary>
/// Base of every editable record: the audit interceptor stamps who created and last changed it,
/// and <see cref="Version"/> is the optimistic-concurrency token refreshed on every save.
/// A record's methods may also <see cref="Raise"/> domain events (something happened that should tell someone);
/// the notification interceptor turns them into rows in the same transaction as the change (ADR 0012).
/// </summary>
public abstract class AuditableEntity
{
    // A field, not a property: EF Core maps neither it nor the events.
    private List<DomainEvent>? _domainEvents;

    public int Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ModifiedAtUtc { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid Version { get; set; }

    /// <summary>The events raised since the record was loaded (or last saved).</summary>
    public IReadOnlyList<DomainEvent> DomainEvents() => _domainEvents ?? (IReadOnlyList<DomainEvent>)[];

    /// <summary>Forgets the raised events: after they were written, or for a bulk load whose history tells nobody.</summary>
    public void ClearDomainEvents() => _domainEvents?.Clear();

    protected void Raise(DomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);
}

namespace TongkuangAlliance.Core.Common;

/// <summary>
/// Something that happened to a record and may tell someone: raised by the record's own method
/// (<see cref="AuditableEntity"/>), written as notifications by the save that stores the change (ADR 0012).
/// </summary>
/// <param name="AtUtc">When it happened (the method's clock).</param>
/// <param name="ActorUserId">Who did it; null for the system and anonymous residents. Never told of their own change.</param>
public abstract record DomainEvent(DateTime AtUtc, string? ActorUserId);

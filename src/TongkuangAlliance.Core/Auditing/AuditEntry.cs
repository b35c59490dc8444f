namespace TongkuangAlliance.Core.Auditing;

/// <summary>Append-only record of a change: who, when, which record, and the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON object: property → [before, after].</summary>
    public required string Changes { get; set; }
}

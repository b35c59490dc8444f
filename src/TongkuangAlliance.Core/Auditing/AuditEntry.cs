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

    /// <summary>
    /// The sub-district whose audit page shows this row: the acting user's, or for an anonymous write (the
    /// residents' public form) the written record's. Null for rows written before the column existed and for
    /// system writes of records that carry no sub-district or community; such rows are on no audit page.
    /// </summary>
    public int? SubDistrictId { get; set; }
}

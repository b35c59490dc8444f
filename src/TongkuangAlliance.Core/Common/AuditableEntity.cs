namespace TongkuangAlliance.Core.Common;

/// <summary>
/// Base of every editable record: the audit interceptor stamps who created and last changed it,
/// and <see cref="Version"/> is the optimistic-concurrency token refreshed on every save.
/// </summary>
public abstract class AuditableEntity
{
    public int Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ModifiedAtUtc { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid Version { get; set; }
}

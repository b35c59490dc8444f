using System.ComponentModel.DataAnnotations;

namespace TongkuangAlliance.Web.Features.Audit;

/// <summary>The audit page's filters; the dates are days in China time, both ends included.</summary>
public sealed class AuditFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    [StringLength(100)]
    public string? User { get; set; }

    [StringLength(100)]
    public string? EntityType { get; set; }

    [StringLength(100)]
    public string? EntityId { get; set; }

    /// <summary>Not "Action": that name would bind the route's own action ("Index").</summary>
    [StringLength(40)]
    public string? ActionName { get; set; }
}

public sealed record AuditOption(string Value, string Text);

public sealed record AuditFieldChange(string Field, string Before, string After);

public sealed record AuditRow(DateTime AtUtc, string? ActorName, string? ActorUserName, string? ActorId, string EntityType, string EntityId,
    string? Link, string Action, IReadOnlyList<AuditFieldChange> Changes, string? RecordName = null)
{
    /// <summary>案件 JF2026-0042 (#42); a record without a name: 回访 #378.</summary>
    public string RecordText => RecordName is null
        ? $"{EntityType}{(string.IsNullOrEmpty(EntityId) ? "" : " #" + EntityId)}"
        : $"{EntityType} {RecordName} (#{(EntityId.Length > 12 ? EntityId[..8] + "…" : EntityId)})";
}

public sealed class AuditIndexViewModel
{
    public required AuditFilter Filter { get; init; }
    public required IReadOnlyList<AuditOption> EntityTypes { get; init; }
    public required IReadOnlyList<AuditOption> Actions { get; init; }
    public required PagedList<AuditRow> Entries { get; init; }
}

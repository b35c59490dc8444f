namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// What intake records about a case, and what an edit may change. The web layer checks that the community,
/// compound, building and grid exist within the user's scope and belong together before passing them here.
/// </summary>
public sealed record CaseDetails(
    CaseKind Kind,
    CaseSource Source,
    string? ReporterName,
    string? ReporterPhone,
    int CommunityId,
    int? CompoundId,
    int? BuildingId,
    int? GridId,
    string? Title,
    string? Description,
    DateTime OccurredAtUtc,
    CaseUrgency Urgency);

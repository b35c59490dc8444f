using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.GridWork;

/// <summary>
/// 走访: a grid worker's door-to-door visit, kept in the grid's ledger (台账): where (building, household or
/// place), when, what was found, whether follow-up is needed. A visit can become a case in one step
/// (<see cref="LinkCase"/>): the visit keeps the case's id, the case page links back to the visit.
/// </summary>
public class Visit : AuditableEntity
{
    private Visit() { }

    public int GridId { get; private set; }
    public Grid? Grid { get; private set; }
    public int? BuildingId { get; private set; }
    public Building? Building { get; private set; }

    /// <summary>The household or place visited, e.g. "3 单元 502 室" or "小区北门广场".</summary>
    public string Place { get; private set; } = "";
    public DateOnly VisitedOn { get; private set; }
    public string Findings { get; private set; } = "";
    public bool FollowUpNeeded { get; private set; }
    public string? FollowUpNote { get; private set; }

    public string? VisitorUserId { get; private set; }
    public AppUser? Visitor { get; private set; }

    public int? CaseId { get; private set; }
    public Case? Case { get; private set; }

    /// <summary>
    /// Records a visit. The web layer checks that the grid is one the user works in and that the building (if
    /// any) lies in that grid. Not in the future; follow-up needs a note of what is to be done.
    /// </summary>
    public static Visit Record(int gridId, int? buildingId, string? place, DateOnly visitedOn, string? findings,
        bool followUpNeeded, string? followUpNote, DateOnly today, string? visitorUserId)
    {
        if (gridId <= 0) throw new DomainException("Visit.GridRequired", nameof(GridId));
        if (buildingId is <= 0) throw new DomainException("Case.InvalidChoice", nameof(BuildingId));
        var validPlace = Text(place, FieldLengths.Name, "Visit.PlaceRequired", nameof(Place));
        if (visitedOn == default) throw new DomainException("Visit.DateRequired", nameof(VisitedOn));
        if (visitedOn > today) throw new DomainException("Visit.InFuture", nameof(VisitedOn));
        var validFindings = Text(findings, FieldLengths.Note, "Visit.FindingsRequired", nameof(Findings));
        string? note = null;
        if (followUpNeeded) note = Text(followUpNote, FieldLengths.Reason, "Visit.FollowUpNoteRequired", nameof(FollowUpNote));
        else if (!string.IsNullOrWhiteSpace(followUpNote)) note = Text(followUpNote, FieldLengths.Reason, "Visit.FollowUpNoteRequired", nameof(FollowUpNote));

        return new Visit
        {
            GridId = gridId, BuildingId = buildingId, Place = validPlace, VisitedOn = visitedOn, Findings = validFindings,
            FollowUpNeeded = followUpNeeded, FollowUpNote = note, VisitorUserId = visitorUserId,
        };
    }

    /// <summary>The case this visit became. A visit becomes at most one case.</summary>
    public void LinkCase(Case kase)
    {
        if (CaseId is not null || Case is not null) throw new DomainException("Visit.AlreadyCase");
        Case = kase;
    }

    private static string Text(string? value, int maxLength, string requiredKey, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(requiredKey, field);
        var text = value.Trim();
        return text.Length > maxLength ? throw new DomainException("Case.TextTooLong", field) : text;
    }
}

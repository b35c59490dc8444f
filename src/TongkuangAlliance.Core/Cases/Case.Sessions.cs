namespace TongkuangAlliance.Core.Cases;

/// <summary>Mediation sessions (调解会) and their minutes.</summary>
public partial class Case
{
    /// <summary>
    /// Records a mediation session (调解会). Allowed in mediation; on an accepted case it starts mediation first
    /// (two events). Held not in the future and not before the case occurred.
    /// </summary>
    public MediationSession RecordSession(DateTime heldAtUtc, string? place, string? convenedBy, string? attendees, string? minutes, string? outcome, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.RecordSession);
        if (heldAtUtc == default) throw new DomainException("Case.Session.HeldAtRequired", nameof(MediationSession.HeldAtUtc));
        if (heldAtUtc > nowUtc) throw new DomainException("Case.Session.InFuture", nameof(MediationSession.HeldAtUtc));
        if (heldAtUtc < OccurredAtUtc) throw new DomainException("Case.Session.BeforeOccurrence", nameof(MediationSession.HeldAtUtc));
        var validPlace = CaseText.Required(place, FieldLengths.Address, "Case.Session.PlaceRequired", nameof(MediationSession.Place));
        var validConvenedBy = CaseText.Required(convenedBy, FieldLengths.Name, "Case.Session.ConvenedByRequired", nameof(MediationSession.ConvenedBy));
        var validAttendees = CaseText.Required(attendees, FieldLengths.Note, "Case.Session.AttendeesRequired", nameof(MediationSession.Attendees));
        var validMinutes = CaseText.Optional(minutes, FieldLengths.Minutes, nameof(MediationSession.Minutes));
        var validOutcome = CaseText.Optional(outcome, FieldLengths.Note, nameof(MediationSession.Outcome));

        if (Status == CaseStatus.Accepted) StartMediation(nowUtc, userId);
        var session = new MediationSession(this, heldAtUtc, validPlace, validConvenedBy, validAttendees, validMinutes, validOutcome);
        _sessions.Add(session);
        var heldAt = ChinaTime.FromUtc(heldAtUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Record(CaseEventKind.SessionRecorded, nowUtc, userId, CaseText.Summary(heldAt, validPlace, validOutcome));
        return session;
    }
}

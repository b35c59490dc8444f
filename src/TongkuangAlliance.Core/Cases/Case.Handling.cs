namespace TongkuangAlliance.Core.Cases;

/// <summary>The case's handling: accept, mediate, resolve, follow up, close, escalate, take over, hand back, reopen, notes.</summary>
public partial class Case
{
    /// <summary>Registered → Accepted: the handler takes the case on.</summary>
    public void Accept(string? handlerUserId, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Accept);
        var handler = RequiredHandler(handlerUserId);
        HandlerUserId = handler;
        AcceptedAtUtc = nowUtc;
        Status = CaseStatus.Accepted;
        Record(CaseEventKind.Accepted, nowUtc, userId, "");
        Raise(new CaseHandlerAssigned(this, handler, nowUtc, userId));
    }

    /// <summary>
    /// Gives an accepted, still open case to another handler, with an optional handover note. Returns false, and
    /// records nothing, when it is the same one. The case knows its handler by id only: <paramref name="handlerNames"/>
    /// (e.g. "张三 → 李四") is what the timeline shows of the change.
    /// </summary>
    public bool AssignHandler(string? handlerUserId, DateTime nowUtc, string? userId, string? note = null, string? handlerNames = null)
    {
        Require(CaseStep.ChangeHandler);
        var handler = RequiredHandler(handlerUserId);
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        if (handler == HandlerUserId) return false;
        HandlerUserId = handler;
        Record(CaseEventKind.HandlerChanged, nowUtc, userId, CaseText.Summary(handlerNames, text));
        Raise(new CaseHandlerAssigned(this, handler, nowUtc, userId));
        return true;
    }

    /// <summary>Sets the handler when one is named; returns it when it is a different one (null: no change).</summary>
    private string? ChangeHandlerTo(string? handlerUserId)
    {
        if (string.IsNullOrWhiteSpace(handlerUserId)) return null;
        var handler = handlerUserId.Trim();
        if (handler == HandlerUserId) return null;
        HandlerUserId = handler;
        return handler;
    }

    /// <summary>Accepted and not closed: <see cref="AssignHandler"/> is allowed.</summary>
    public bool CanAssignHandler => Status is not (CaseStatus.Registered or CaseStatus.Closed);

    private static string RequiredHandler(string? handlerUserId) =>
        string.IsNullOrWhiteSpace(handlerUserId) ? throw new DomainException("Case.HandlerRequired", nameof(HandlerUserId)) : handlerUserId.Trim();

    /// <summary>Accepted → InMediation.</summary>
    public void StartMediation(DateTime nowUtc, string? userId)
    {
        Require(CaseStep.StartMediation);
        Status = CaseStatus.InMediation;
        Record(CaseEventKind.MediationStarted, nowUtc, userId, "");
    }


    /// <summary>
    /// InMediation → Resolved. With an agreement the case needs at least one term in force (withdrawn ones do not
    /// count); without one, no term may be pending. The note says how it was resolved.
    /// </summary>
    public void Resolve(bool agreementReached, string? note, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Resolve);
        var text = CaseText.Required(note, FieldLengths.Note, "Case.Resolve.NoteRequired", nameof(ResolutionNote));
        if (agreementReached && !_terms.Any(t => t.IsInForce)) throw new DomainException("Case.Resolve.NoTerms");
        if (!agreementReached && _terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Resolve.PendingTermsWithoutAgreement");

        Status = CaseStatus.Resolved;
        Resolution = agreementReached ? CaseResolution.AgreementReached : CaseResolution.ResolvedWithoutAgreement;
        ResolutionNote = text;
        ResolvedAtUtc = nowUtc;
        var day = CaseText.ChinaDate(nowUtc);
        ResolvedDay = day.DayNumber;
        ResolvedMonth = MonthKey(day);
        Record(CaseEventKind.Resolved, nowUtc, userId, text);
    }

    /// <summary>
    /// 回访 after resolution (also a further one after a follow-up): status FollowedUp. With an agreement,
    /// whether it was honoured must be said; without one, it must not. A dissatisfied resident or an agreement
    /// not honoured (a note is then required) reopens the case: back to mediation, with a Reopened event.
    /// </summary>
    public FollowUp RecordFollowUp(DateOnly date, FollowUpMethod method, Satisfaction satisfaction, bool? agreementHonoured, string? note, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.FollowUp);
        method = CaseText.Choice(method, nameof(FollowUp.Method));
        satisfaction = CaseText.Choice(satisfaction, nameof(FollowUp.Satisfaction));
        if (date > CaseText.ChinaDate(nowUtc)) throw new DomainException("Case.FollowUp.InFuture", nameof(FollowUp.Date));
        if (ResolvedAtUtc is { } resolvedAt && date < CaseText.ChinaDate(resolvedAt)) throw new DomainException("Case.FollowUp.BeforeResolution", nameof(FollowUp.Date));
        if (Resolution == CaseResolution.AgreementReached && agreementHonoured is null) throw new DomainException("Case.FollowUp.HonouredRequired", nameof(FollowUp.AgreementHonoured));
        if (Resolution != CaseResolution.AgreementReached && agreementHonoured is not null) throw new DomainException("Case.FollowUp.NoAgreement", nameof(FollowUp.AgreementHonoured));
        var text = CaseText.Optional(note, FieldLengths.Note, nameof(FollowUp.Note));
        var reopens = satisfaction == Satisfaction.Dissatisfied || agreementHonoured == false;
        if (reopens && text is null) throw new DomainException("Case.FollowUp.NoteRequired", nameof(FollowUp.Note));

        var followUp = new FollowUp(this, date, method, satisfaction, agreementHonoured, text);
        _followUps.Add(followUp);
        Status = CaseStatus.FollowedUp;
        Record(CaseEventKind.FollowedUp, nowUtc, userId, CaseText.Summary(CaseText.Date(date), text));
        if (reopens)
        {
            ReopenNow(text!, nowUtc, userId);
            Raise(new CaseReopenedByFollowUp(this, text!, nowUtc, userId));
        }
        return followUp;
    }

    /// <summary>FollowedUp → Closed (结案), once every term is fulfilled.</summary>
    public void Close(DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Close);
        if (_terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Close.TermsPending");
        Status = CaseStatus.Closed;
        ClosedAtUtc = nowUtc;
        Record(CaseEventKind.Closed, nowUtc, userId, "");
    }

    /// <summary>Closes an unresolved case as a duplicate, withdrawn or referred elsewhere, with a reason.</summary>
    public void CloseEarly(CaseCloseKind kind, string? reason, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.CloseEarly);
        // A term still owed would stay on the unit's list, overdue for ever, on a case nobody works any more.
        if (_terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.CloseEarly.PendingTerms");
        kind = CaseText.Choice(kind, nameof(CloseKind));
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        Status = CaseStatus.Closed;
        CloseKind = kind;
        CloseReason = text;
        ClosedAtUtc = nowUtc;
        Record(CaseEventKind.ClosedEarly, nowUtc, userId, text);
    }

    /// <summary>Reports an unresolved case to the sub-district (上报街道), with a reason. Its handling goes on meanwhile.</summary>
    public void Escalate(string? reason, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Escalate);
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        IsEscalated = true;
        EscalatedAtUtc = nowUtc;
        EscalationReason = text;
        Record(CaseEventKind.Escalated, nowUtc, userId, text);
        Raise(new CaseEscalated(this, text, nowUtc, userId));
    }

    /// <summary>The sub-district takes an escalated open case over, optionally naming its own handler.</summary>
    public void TakeOver(string? handlerUserId, string? note, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.TakeOver);
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        TakenOverBySubDistrict = true;
        var newHandler = ChangeHandlerTo(handlerUserId);
        Record(CaseEventKind.TakenOver, nowUtc, userId, text ?? "");
        if (newHandler is not null) Raise(new CaseHandlerAssigned(this, newHandler, nowUtc, userId));
    }

    /// <summary>
    /// The sub-district hands an escalated open case (taken over or not) back to the community: the escalation
    /// ends. Optionally names the community handler.
    /// </summary>
    public void HandBack(string? handlerUserId, string? note, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.HandBack);
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        IsEscalated = false;
        TakenOverBySubDistrict = false;
        var newHandler = ChangeHandlerTo(handlerUserId);
        Record(CaseEventKind.HandedBack, nowUtc, userId, text ?? "");
        Raise(new CaseHandedBack(this, nowUtc, userId));
        if (newHandler is not null) Raise(new CaseHandlerAssigned(this, newHandler, nowUtc, userId));
    }

    /// <summary>
    /// Back to mediation from Resolved, FollowedUp or a normal Closed (not an early close), e.g. when a term is
    /// not honoured. The resolution is cleared (the timeline keeps it); the resolve deadline stays.
    /// </summary>
    public void Reopen(string? reason, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Reopen);
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        ReopenNow(text, nowUtc, userId);
    }

    private void ReopenNow(string reason, DateTime nowUtc, string? userId)
    {
        Status = CaseStatus.InMediation;
        Resolution = null;
        ResolutionNote = null;
        ResolvedAtUtc = null;
        ResolvedDay = null;
        ResolvedMonth = null;
        ClosedAtUtc = null;
        ReopenCount++;
        Record(CaseEventKind.Reopened, nowUtc, userId, reason);
    }

    /// <summary>A progress note (进展) on an open case; it counts as an update for the staleness rule.</summary>
    public void AddProgressNote(string? text, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.AddNote);
        var note = CaseText.Required(text, FieldLengths.Note, "Case.NoteRequired", "Text");
        Record(CaseEventKind.Note, nowUtc, userId, note);
    }
}

namespace TongkuangAlliance.Core.Cases;

/// <summary>Corrections of what was entered by mistake: a term withdrawn, a party removed (nothing is deleted).</summary>
public partial class Case
{
    /// <summary>Withdraws the term with this id (see the other overload).</summary>
    public void WithdrawTerm(int termId, string? reason, DateTime nowUtc, string? userId)
    {
        var term = _terms.SingleOrDefault(t => t.Id == termId && termId != 0)
            ?? throw new DomainException("Case.Term.Unknown", "TermId");
        WithdrawTerm(term, reason, nowUtc, userId);
    }

    /// <summary>
    /// Withdraws a pending term entered by mistake (¥20,000 typed for ¥2,000), with a reason, while the case is not
    /// closed. Nothing is deleted: the term stays stored with status Withdrawn, but it is no part of the agreement any
    /// more — not printed, not owed, never pending or overdue, so it no longer holds up resolving or closing. The
    /// corrected term is added again with AddTerm (in mediation). A fulfilled term was carried out and cannot be
    /// withdrawn. A case resolved with an agreement keeps at least one term in force: reopen it to replace its last one.
    /// </summary>
    public void WithdrawTerm(AgreementTerm term, string? reason, DateTime nowUtc, string? userId)
    {
        if (!_terms.Contains(term)) throw new DomainException("Case.Term.Unknown", "TermId");
        Require(CaseStep.WithdrawTerm);
        if (term.Status == AgreementTermStatus.Withdrawn) throw new DomainException("Case.Term.AlreadyWithdrawn", "TermId");
        if (term.Status == AgreementTermStatus.Fulfilled) throw new DomainException("Case.Term.FulfilledCannotBeWithdrawn", "TermId");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        if (Resolution == CaseResolution.AgreementReached && !_terms.Any(t => t != term && t.IsInForce))
            throw new DomainException("Case.Term.LastOfAgreement", "TermId");

        term.Withdraw(nowUtc, text);
        Record(CaseEventKind.TermWithdrawn, nowUtc, userId,
            CaseText.Summary(term.ObligatedParty?.Name, term.Description, term.Amount is { } a ? CaseText.Yuan(a) : null, text));
    }

    /// <summary>Removes the party with this id (see the other overload).</summary>
    public void RemoveParty(int partyId, string? reason, DateTime nowUtc, string? userId)
    {
        var party = _parties.SingleOrDefault(p => p.Id == partyId && partyId != 0)
            ?? throw new DomainException("Case.Party.Unknown", "PartyId");
        RemoveParty(party, reason, nowUtc, userId);
    }

    /// <summary>
    /// Takes a party added by mistake off the case, with a reason, while the case is not closed. Nothing is deleted:
    /// the party stays stored, marked removed, shown as such on the case page, and is no party to the agreement (not
    /// printed, no signature line, not offered for new terms); it may be added again correctly. Refused while the
    /// party owes a pending term (withdraw the term first) or has fulfilled one (it really was a party to the agreement).
    /// </summary>
    public void RemoveParty(CaseParty party, string? reason, DateTime nowUtc, string? userId)
    {
        if (!_parties.Contains(party)) throw new DomainException("Case.Party.Unknown", "PartyId");
        Require(CaseStep.RemoveParty);
        if (party.IsRemoved) throw new DomainException("Case.Party.AlreadyRemoved", "PartyId");
        var owed = _terms.Where(t => ReferenceEquals(t.ObligatedParty, party) || (party.Id != 0 && t.ObligatedPartyId == party.Id)).ToList();
        if (owed.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Party.OwesPendingTerm", "PartyId");
        if (owed.Any(t => t.Status == AgreementTermStatus.Fulfilled)) throw new DomainException("Case.Party.FulfilledTerm", "PartyId");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");

        party.Remove(nowUtc, text);
        Record(CaseEventKind.PartyRemoved, nowUtc, userId, CaseText.Summary(party.Name, text));
    }
}

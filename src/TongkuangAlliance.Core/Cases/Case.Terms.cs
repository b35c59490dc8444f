namespace TongkuangAlliance.Core.Cases;

/// <summary>The agreement's terms (协议条款): adding them and marking them fulfilled.</summary>
public partial class Case
{
    /// <summary>Adds a term to the agreement, in mediation, owed by <paramref name="obligatedPartyId"/> (a party of this case).</summary>
    public AgreementTerm AddTerm(int obligatedPartyId, AgreementTermKind kind, string? description, decimal? amount, DateOnly dueDate, DateTime nowUtc, string? userId)
    {
        var party = _parties.SingleOrDefault(p => p.Id == obligatedPartyId && obligatedPartyId != 0 && !p.IsRemoved)
            ?? throw new DomainException("Case.Party.Unknown", nameof(AgreementTerm.ObligatedPartyId));
        return AddTerm(party, kind, description, amount, dueDate, nowUtc, userId);
    }

    /// <summary>
    /// Adds a term to the agreement, in mediation, owed by a party of the case that was not removed. Compensation
    /// needs an amount; any amount is positive with at most two decimals. The due date is not before the day the case occurred.
    /// </summary>
    public AgreementTerm AddTerm(CaseParty obligatedParty, AgreementTermKind kind, string? description, decimal? amount, DateOnly dueDate, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.AddTerm);
        if (!_parties.Contains(obligatedParty) || obligatedParty.IsRemoved) throw new DomainException("Case.Party.Unknown", nameof(AgreementTerm.ObligatedPartyId));
        kind = CaseText.Choice(kind, nameof(AgreementTerm.Kind));
        var text = CaseText.Required(description, FieldLengths.Reason, "Case.Term.DescriptionRequired", nameof(AgreementTerm.Description));
        CheckAmount(kind, amount);
        if (dueDate < CaseText.ChinaDate(OccurredAtUtc)) throw new DomainException("Case.Term.DueBeforeOccurrence", nameof(AgreementTerm.DueDate));

        var term = new AgreementTerm(this, obligatedParty, kind, text, amount, dueDate);
        _terms.Add(term);
        Record(CaseEventKind.TermAdded, nowUtc, userId,
            CaseText.Summary(obligatedParty.Name, text, amount is { } a ? CaseText.Yuan(a) : null, CaseText.Date(dueDate)));
        Raise(new TermRecorded(term, nowUtc, userId));
        return term;
    }

    private const decimal MaxAmount = 9_999_999_999_999_999.99m; // decimal(18,2)

    private static void CheckAmount(AgreementTermKind kind, decimal? amount)
    {
        const string field = nameof(AgreementTerm.Amount);
        if (amount is null)
        {
            if (kind == AgreementTermKind.Compensation) throw new DomainException("Case.Term.AmountRequired", field);
            return;
        }
        if (amount <= 0) throw new DomainException("Case.Term.AmountNotPositive", field);
        if (amount > MaxAmount) throw new DomainException("Case.Term.AmountTooLarge", field);
        if (decimal.Round(amount.Value, 2) != amount.Value) throw new DomainException("Case.Term.AmountPrecision", field);
    }

    /// <summary>Marks the term with this id fulfilled (see the other overload).</summary>
    public void MarkTermFulfilled(int termId, DateOnly fulfilledOn, string? proofNote, DateTime nowUtc, string? userId)
    {
        var term = _terms.SingleOrDefault(t => t.Id == termId && termId != 0)
            ?? throw new DomainException("Case.Term.Unknown");
        MarkTermFulfilled(term, fulfilledOn, proofNote, nowUtc, userId);
    }

    /// <summary>
    /// A pending term was carried out on <paramref name="fulfilledOn"/> (not in the future, not before the case
    /// was registered), with a note of proof. Allowed in mediation, resolved and followed up.
    /// </summary>
    public void MarkTermFulfilled(AgreementTerm term, DateOnly fulfilledOn, string? proofNote, DateTime nowUtc, string? userId)
    {
        if (!_terms.Contains(term)) throw new DomainException("Case.Term.Unknown");
        Require(CaseStep.FulfilTerm);
        if (term.Status == AgreementTermStatus.Withdrawn) throw new DomainException("Case.Term.Withdrawn");
        if (term.Status != AgreementTermStatus.Pending) throw new DomainException("Case.Term.AlreadyFulfilled");
        if (fulfilledOn > CaseText.ChinaDate(nowUtc)) throw new DomainException("Case.Term.FulfilledInFuture", nameof(AgreementTerm.FulfilledOn));
        if (fulfilledOn < CaseText.ChinaDate(RegisteredAtUtc)) throw new DomainException("Case.Term.FulfilledBeforeRegistration", nameof(AgreementTerm.FulfilledOn));
        var proof = CaseText.Required(proofNote, FieldLengths.Reason, "Case.Term.ProofRequired", nameof(AgreementTerm.ProofNote));

        term.Fulfil(fulfilledOn, proof);
        Record(CaseEventKind.TermFulfilled, nowUtc, userId,
            CaseText.Summary(term.ObligatedParty?.Name, term.Description, CaseText.Date(fulfilledOn), proof));
        Raise(new TermFulfilled(this, term, nowUtc, userId));
    }
}

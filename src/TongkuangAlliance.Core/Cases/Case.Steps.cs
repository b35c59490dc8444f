namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// Which steps the case's state allows. One rule per step (<see cref="Refusal"/>): <see cref="AvailableSteps"/> lists the
/// steps it allows, and each step method starts with <see cref="Require"/>, which throws that rule's message.
/// </summary>
public partial class Case
{
    /// <summary>
    /// The steps the case's current state allows. A step that picks a party or a term (adding a term, fulfilling,
    /// withdrawing, removing) is listed only while there is one to pick; its method refuses a wrong pick with the
    /// pick's own message. Who may take a step is not the case's concern (the Web's case authorization handler).
    /// </summary>
    public IReadOnlySet<CaseStep> AvailableSteps()
    {
        var steps = new HashSet<CaseStep>();
        foreach (var step in Enum.GetValues<CaseStep>())
            if (Refusal(step) is null && HasSomethingToPick(step)) steps.Add(step);
        return steps;
    }

    /// <summary>The message key a step is refused with in the current state, or null when the state allows it.</summary>
    private string? Refusal(CaseStep step) => step switch
    {
        CaseStep.Edit => IsOpen ? null : "Case.Step.Edit",
        CaseStep.Accept => Status == CaseStatus.Registered ? null : "Case.Step.Accept",
        CaseStep.StartMediation => Status == CaseStatus.Accepted ? null : "Case.Step.StartMediation",
        CaseStep.AddParty => IsUnresolved ? null : "Case.Step.AddParty",
        CaseStep.RecordSession => Status is CaseStatus.Accepted or CaseStatus.InMediation ? null : "Case.Step.RecordSession",
        CaseStep.AddTerm => Status == CaseStatus.InMediation ? null : "Case.Step.AddTerm",
        CaseStep.FulfilTerm => Status is CaseStatus.InMediation or CaseStatus.Resolved or CaseStatus.FollowedUp ? null : "Case.Step.FulfilTerm",
        CaseStep.Resolve => Status == CaseStatus.InMediation ? null : "Case.Step.Resolve",
        CaseStep.FollowUp => Status is CaseStatus.Resolved or CaseStatus.FollowedUp ? null : "Case.Step.FollowUp",
        CaseStep.Close => Status == CaseStatus.FollowedUp ? null : "Case.Step.Close",
        CaseStep.CloseEarly => IsUnresolved ? null : "Case.Step.CloseEarly",
        CaseStep.Escalate => !IsUnresolved ? "Case.Step.Escalate" : IsEscalated ? "Case.Step.AlreadyEscalated" : null,
        CaseStep.TakeOver => IsOpen && IsEscalated && !TakenOverBySubDistrict ? null : "Case.Step.TakeOver",
        CaseStep.HandBack => IsOpen && IsEscalated ? null : "Case.Step.HandBack",
        CaseStep.Reopen => Status is CaseStatus.Resolved or CaseStatus.FollowedUp || (Status == CaseStatus.Closed && CloseKind is null) ? null : "Case.Step.Reopen",
        CaseStep.AddNote => IsOpen ? null : "Case.Step.AddNote",
        CaseStep.WithdrawTerm => IsOpen ? null : "Case.Step.WithdrawTerm",
        CaseStep.RemoveParty => IsOpen ? null : "Case.Step.RemoveParty",
        CaseStep.ChangeHandler => CanAssignHandler ? null : "Case.Step.AssignHandler",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>Throws the step's refusal (a <see cref="Common.DomainException"/>) when the current state does not allow it.</summary>
    private void Require(CaseStep step)
    {
        if (Refusal(step) is { } key) throw new Common.DomainException(key);
    }

    /// <summary>The steps that pick a party or a term need one there to pick.</summary>
    private bool HasSomethingToPick(CaseStep step) => step switch
    {
        CaseStep.AddTerm or CaseStep.RemoveParty => _parties.Any(p => !p.IsRemoved),
        CaseStep.FulfilTerm or CaseStep.WithdrawTerm => _terms.Any(t => t.Status == AgreementTermStatus.Pending),
        _ => true,
    };
}

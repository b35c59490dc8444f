using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 多元解纷中心 (cases): staff only. The sub-district, 南区社区 and the grid worker of its grid (GridIn) work the
/// 南区 case; 北区社区 and the grid worker of another 南区 grid (GridOut) get 404 on it;
/// paired units are refused by role everywhere (they see only their terms, elsewhere). The POSTs send forms the
/// case's rules refuse (or a stale version), so the matrix changes nothing. The list, export and case page are
/// CasesController's; intake (Create, Edit) CaseIntakeController's and the steps CaseStepsController's, at the same /Cases/… URLs.
/// </summary>
public sealed class CasesMatrixRows : IMatrixRows
{
    private static Dictionary<Persona, Outcome> Staff() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden);

    private static Dictionary<Persona, Outcome> SouthCase() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden);

    /// <summary>The committees working the 南区 case: 北区 gets 404; grid workers, units and volunteers are refused by role.</summary>
    private static Dictionary<Persona, Outcome> SouthCaseCommittees() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden);

    private static Dictionary<Persona, Outcome> SouthCaseNoSuchParty() =>
        Expect(Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden);

    private static Func<Infrastructure.DemoIds, Dictionary<string, string>> Stale(Dictionary<string, string>? fields = null) =>
        _ => new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["version"] = Guid.Empty.ToString() };

    private static MatrixRow Step(string action, Dictionary<string, string>? fields = null, Dictionary<Persona, Outcome>? expected = null) =>
        new("POST", "CaseSteps", action, ids => $"/Cases/{action}/{ids.SouthCase}", expected ?? SouthCase(), Stale(fields));

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Cases", "Index", _ => "/Cases", Staff()),
        new("GET", "Cases", "Mine", _ => "/Cases/Mine", Staff()),
        new("GET", "Cases", "Export", _ => "/Cases/Export?q=nothing-matches", Staff()),
        new("GET", "CaseIntake", "Create", _ => "/Cases/Create", Staff()),
        // Nothing filled in: the form re-displays with messages.
        new("POST", "CaseIntake", "Create", _ => "/Cases/Create", Staff(), _ => new() { ["Input.Title"] = "" }),
        new("GET", "Cases", "Details", ids => $"/Cases/Details/{ids.SouthCase}", SouthCase()),
        new("GET", "CaseIntake", "Edit", ids => $"/Cases/Edit/{ids.SouthCase}", SouthCase()),
        new("POST", "CaseIntake", "Edit", ids => $"/Cases/Edit/{ids.SouthCase}", SouthCase(), _ => new() { ["Input.Title"] = "" }),
        // Only writes an audit row (who looked), which is the point.
        new("POST", "Cases", "RevealPhone", ids => $"/Cases/RevealPhone/{ids.SouthCase}", SouthCase(), _ => new()),
        // Issue 18: a party's whole ID number. No party 0 holds one: in scope the answer is 404 once the user is allowed.
        new("POST", "Cases", "RevealIdNumber", ids => $"/Cases/RevealIdNumber/{ids.SouthCase}", SouthCaseNoSuchParty(), _ => new() { ["partyId"] = "0" }),
        Step("UpdateParty", new() { ["partyId"] = "0", ["name"] = "" }),
        Step("Accept"),
        Step("StartMediation"),
        Step("AddParty", new() { ["kind"] = "Resident", ["name"] = "", ["role"] = "Complainant" }),
        Step("RecordSession"),
        Step("AddTerm"),
        Step("MarkTermFulfilled"),
        Step("Resolve", new() { ["agreementReached"] = "true" }),
        Step("RecordFollowUp"),
        Step("Close"),
        Step("CloseEarly", new() { ["closeKind"] = "Withdrawn", ["reason"] = "" }),
        Step("Escalate", new() { ["reason"] = "" }),
        Step("TakeOver", expected: SubDistrictOnly()),
        Step("HandBack", expected: SubDistrictOnly()),
        Step("Reopen", new() { ["reason"] = "" }),
        Step("AddProgressNote", new() { ["text"] = "" }),
        // Corrections of what was entered by mistake: no reason, no such term or party, and a stale version.
        Step("WithdrawTerm", new() { ["termId"] = "0", ["reason"] = "" }),
        Step("RemoveParty", new() { ["partyId"] = "0", ["reason"] = "" }),
        Step("ChangeHandler", new() { ["handlerUserId"] = "" }, SouthCaseCommittees()),
    ];
}

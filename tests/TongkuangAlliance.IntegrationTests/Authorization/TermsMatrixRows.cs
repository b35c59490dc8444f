using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>协议条款: every signed-in role lists the terms in its scope; a term outside it is 404.</summary>
public sealed class TermsMatrixRows : IMatrixRows
{
    // The story term is owed by 铜矿工程部 (unit02) in a 南区 case: out of scope for 北区 and 铜矿中学.
    private static Dictionary<Persona, Outcome> StoryTerm() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden);

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Terms", "Index", _ => "/Terms?status=pending", Staff(Outcome.Ok)),
        new("GET", "Terms", "Fulfil", ids => $"/Terms/Fulfil/{ids.StoryTerm}", StoryTerm()),
        // No proof note: the form re-displays and nothing is stored.
        new("POST", "Terms", "Fulfil", ids => $"/Terms/Fulfil/{ids.StoryTerm}", StoryTerm(),
            _ => new() { ["Input.FulfilledOn"] = "2020-05-27", ["Input.ProofNote"] = "" }),
    ];
}

using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>调解协议书: the handling community and the sub-district print it; units may not.</summary>
public sealed class AgreementsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Agreements", "Print", ids => $"/Agreements/Print/{ids.StoryCase}",
            Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden)),
    ];
}

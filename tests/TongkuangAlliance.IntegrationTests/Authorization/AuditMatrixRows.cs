using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>审计日志: the sub-district committee only (role policy); its rows are those of its own sub-district.</summary>
public sealed class AuditMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Audit", "Index", ids => $"/Audit?EntityType=Case&EntityId={ids.SouthCase}", SubDistrictOnly()),
    ];
}

using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// Dashboards, report and export (issue 6). The committees read dashboards within their scope (a community only its
/// own: another community's is not found); a paired unit its own contribution (another unit's is not found; the
/// dashboard's index sends it there); grid workers have none (ADR 0007).
/// </summary>
public sealed class DashboardsMatrixRows : IMatrixRows
{
    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    private static Dictionary<Persona, Outcome> SouthCommunity() => Expect(SignIn, Ok, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden);

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Dashboards", "Index", _ => "/Dashboards", Expect(SignIn, Ok, Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "Dashboards", "Community", ids => $"/Dashboards/Community/{ids.SouthCommunity}", SouthCommunity()),
        new("GET", "Dashboards", "Unit", ids => $"/Dashboards/Unit/{ids.EngineeringUnit}", Expect(SignIn, Ok, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "Dashboards", "UnitReport", ids => $"/Dashboards/UnitReport/{ids.EngineeringUnit}", Expect(SignIn, Ok, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "Dashboards", "UnitExport", ids => $"/Dashboards/UnitExport/{ids.EngineeringUnit}?kind=Year&year=2020", Expect(SignIn, Ok, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "Dashboards", "Report", ids => $"/Dashboards/Report?communityId={ids.SouthCommunity}", SouthCommunity()),
        new("GET", "Dashboards", "Export", ids => $"/Dashboards/Export?communityId={ids.SouthCommunity}&kind=Month&year=2020&month=5", SouthCommunity()),
    ];
}

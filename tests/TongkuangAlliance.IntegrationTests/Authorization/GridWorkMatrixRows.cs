using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// Grid work and the residents' channel (issue 9). The residents' pages are public: everyone, anonymous included,
/// gets them (the matrix posts empty forms, which re-display with messages and store nothing). The grid pages:
/// "my grid" and quick intake for grid workers only; the visit ledger for the committees and grid workers, each
/// within its scope; the grid summary for the committees. The 南区 rows use records of 南区 第1网格 (GridIn's grid).
/// </summary>
public sealed class GridWorkMatrixRows : IMatrixRows
{
    /// <summary>The grid worker of 南区 第1网格, the grid of the story case and of DemoIds.SouthBuilding.</summary>
    public const string GridInUser = "wangge-nanqu1";

    /// <summary>The grid worker of 南区 第2网格: same community as GridIn, another grid.</summary>
    public const string GridOutUser = "wangge-nanqu2";

    /// <summary>
    /// The demo's first visit: seeded first, in the first grid of 南区社区 (DemoIds.SouthGrid, 第1网格) —
    /// GridWorkTests.First_demo_visit_is_in_the_south_grid_of_the_matrix checks it.
    /// </summary>
    public const int SouthVisit = 1;

    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    private static Dictionary<Persona, Outcome> GridWorkers() => Expect(SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> Ledger() => Expect(SignIn, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> SouthGridRecord() => Expect(SignIn, Ok, Ok, NotFound, Forbidden, Forbidden, Ok, NotFound, Forbidden, Forbidden);

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Residents", "Report", ids => $"/Residents/Report?building={ids.SouthBuilding}", All(Ok, anonymous: Ok)),
        new("POST", "Residents", "Report", _ => "/Residents/Report", All(Ok, anonymous: Ok), _ => new() { ["Input.Description"] = "" }),
        // Without a fresh submission there is no number to show: back to the form.
        new("GET", "Residents", "Submitted", _ => "/Residents/Submitted", All(Ok, anonymous: Ok)),
        new("GET", "Residents", "Status", _ => "/Residents/Status", All(Ok, anonymous: Ok)),
        new("POST", "Residents", "Status", _ => "/Residents/Status", All(Ok, anonymous: Ok), _ => new() { ["Input.Number"] = "" }),

        new("GET", "GridWork", "Index", _ => "/GridWork", GridWorkers()),
        new("GET", "GridIntake", "Intake", ids => $"/GridWork/Intake?buildingId={ids.SouthBuilding}", GridWorkers()),
        new("POST", "GridIntake", "Intake", _ => "/GridWork/Intake", GridWorkers(), _ => new() { ["Input.Title"] = "" }),
        new("GET", "GridWork", "Visits", _ => "/GridWork/Visits", Ledger()),
        new("GET", "GridWork", "CreateVisit", _ => "/GridWork/CreateVisit", Ledger()),
        new("POST", "GridWork", "CreateVisit", _ => "/GridWork/CreateVisit", Ledger(), _ => new() { ["Input.Place"] = "" }),
        new("GET", "GridWork", "Visit", _ => $"/GridWork/Visit/{SouthVisit}", SouthGridRecord()),
        // No category and a stale version: re-displayed, no case made.
        new("POST", "GridWork", "VisitToCase", _ => $"/GridWork/VisitToCase/{SouthVisit}", SouthGridRecord(),
            _ => new() { ["CaseInput.Version"] = Guid.Empty.ToString(), ["CaseInput.Title"] = "" }),
        new("GET", "GridWork", "Summary", _ => "/GridWork/Summary", Expect(SignIn, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "QrSheets", "BuildingSheet", ids => $"/GridWork/BuildingSheet/{ids.SouthBuilding}", SouthGridRecord()),
        new("GET", "QrSheets", "GridSheet", ids => $"/GridWork/GridSheet/{ids.SouthGrid}", SouthGridRecord()),
    ];
}

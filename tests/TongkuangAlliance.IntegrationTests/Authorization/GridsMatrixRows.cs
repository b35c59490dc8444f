using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// Grid management: grids, compounds and buildings of 南区 (in scope of nanqu and unit02). Changing them is
/// for the sub-district and the community's own committee; a paired unit reads only. Matrix POSTs send an
/// empty name, so an allowed request re-displays the form and nothing changes. Grid workers read the structure of
/// their community and change none of it (docs/decisions/0004).
/// </summary>
public sealed class GridsMatrixRows : IMatrixRows
{
    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    private static Dictionary<Persona, Outcome> Read() => Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Ok, Ok, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> Change() => Expect(SignIn, Ok, Ok, NotFound, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden);

    private static Dictionary<string, string> EmptyName(Infrastructure.DemoIds _) => new() { ["Name"] = "" };

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Grids", "Index", _ => "/Grids", Staff(Ok)),
        new("GET", "Grids", "Details", ids => $"/Grids/Details/{ids.SouthGrid}", Read()),

        new("GET", "Grids", "Create", ids => $"/Grids/Create?communityId={ids.SouthCommunity}", Change()),
        new("POST", "Grids", "Create", ids => $"/Grids/Create?communityId={ids.SouthCommunity}", Change(), EmptyName),
        new("GET", "Grids", "Edit", ids => $"/Grids/Edit/{ids.SouthGrid}", Change()),
        new("POST", "Grids", "Edit", ids => $"/Grids/Edit/{ids.SouthGrid}", Change(), EmptyName),

        new("GET", "Compounds", "CreateCompound", ids => $"/Grids/CreateCompound?communityId={ids.SouthCommunity}", Change()),
        new("POST", "Compounds", "CreateCompound", ids => $"/Grids/CreateCompound?communityId={ids.SouthCommunity}", Change(), EmptyName),
        new("GET", "Compounds", "EditCompound", ids => $"/Grids/EditCompound/{ids.SouthCompound}", Change()),
        new("POST", "Compounds", "EditCompound", ids => $"/Grids/EditCompound/{ids.SouthCompound}", Change(), EmptyName),

        new("GET", "Buildings", "CreateBuilding", ids => $"/Grids/CreateBuilding?gridId={ids.SouthGrid}", Change()),
        new("POST", "Buildings", "CreateBuilding", ids => $"/Grids/CreateBuilding?gridId={ids.SouthGrid}", Change(),
            ids => new() { ["Name"] = "", ["CompoundId"] = $"{ids.SouthCompound}", ["GridId"] = $"{ids.SouthGrid}" }),
        new("GET", "Buildings", "EditBuilding", ids => $"/Grids/EditBuilding/{ids.SouthBuilding}", Change()),
        new("POST", "Buildings", "EditBuilding", ids => $"/Grids/EditBuilding/{ids.SouthBuilding}", Change(),
            ids => new() { ["Name"] = "", ["CompoundId"] = $"{ids.SouthCompound}", ["GridId"] = $"{ids.SouthGrid}" }),
    ];
}

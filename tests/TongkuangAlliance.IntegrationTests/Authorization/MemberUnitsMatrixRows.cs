using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 成员单位. 铜矿工程部 is paired with 南区: the sub-district, 南区 (read only) and the unit itself see it;
/// 北区 and 铜矿中学 do not. Editing is for the sub-district and the unit itself, so 南区 is refused by role.
/// </summary>
public sealed class MemberUnitsMatrixRows : IMatrixRows
{
    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "MemberUnits", "Index", _ => "/MemberUnits", Staff(Ok)),
        new("GET", "MemberUnits", "Details", ids => $"/MemberUnits/Details/{ids.EngineeringUnit}",
            Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, NotFound, NotFound, Forbidden, Forbidden)),
        new("GET", "MemberUnits", "Create", _ => "/MemberUnits/Create", SubDistrictOnly()),
        // An empty name re-displays the form: nothing is created.
        new("POST", "MemberUnits", "Create", _ => "/MemberUnits/Create", SubDistrictOnly(), _ => new() { ["Name"] = "" }),
        new("GET", "MemberUnits", "Edit", ids => $"/MemberUnits/Edit/{ids.EngineeringUnit}",
            Expect(SignIn, Ok, Forbidden, NotFound, Ok, NotFound, NotFound, NotFound, Forbidden, Forbidden)),
        new("POST", "MemberUnits", "Edit", ids => $"/MemberUnits/Edit/{ids.EngineeringUnit}",
            Expect(SignIn, Ok, Forbidden, NotFound, Ok, NotFound, NotFound, NotFound, Forbidden, Forbidden), _ => new() { ["Name"] = "" }),
    ];
}

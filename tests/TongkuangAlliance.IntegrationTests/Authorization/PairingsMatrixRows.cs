using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>结对共建: managed by the sub-district committee only; every other role is refused by role.</summary>
public sealed class PairingsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Pairings", "Index", _ => "/Pairings", SubDistrictOnly()),
        new("GET", "Pairings", "Create", ids => $"/Pairings/Create?communityId={ids.SouthCommunity}", SubDistrictOnly()),
        // No unit chosen: the form re-displays and nothing is stored.
        new("POST", "Pairings", "Create", _ => "/Pairings/Create", SubDistrictOnly(), ids => new() { ["CommunityId"] = $"{ids.SouthCommunity}" }),
        new("GET", "Pairings", "End", ids => $"/Pairings/End/{ids.NorthSchoolPairing}", SubDistrictOnly()),
        // An empty reason re-displays the form: the pairing stays active.
        new("POST", "Pairings", "End", ids => $"/Pairings/End/{ids.SouthEngineeringPairing}", SubDistrictOnly(),
            _ => new() { ["EndDate"] = "2025-01-01", ["EndReason"] = "" }),
    ];
}

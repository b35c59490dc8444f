namespace TongkuangAlliance.Web.Features.Home;

public sealed record CommunityRow(int Id, string Name, string? SecretaryName, int Compounds, int Grids, int Buildings, int ActivePairings);

public sealed class SubDistrictHomeViewModel
{
    public required string SubDistrictName { get; init; }
    public int Communities { get; init; }
    public int Compounds { get; init; }
    public int Grids { get; init; }
    public int Buildings { get; init; }
    public int MemberUnits { get; init; }
    public int ActivePairings { get; init; }
    public int VacantGridChiefs { get; init; }
    public int VacantBuildingChiefs { get; init; }

    /// <summary>Open escalated cases and overdue ones: what the sub-district watches.</summary>
    public int CasesNeedingAttention { get; init; }
    public required IReadOnlyList<CommunityRow> CommunityRows { get; init; }

    /// <summary>Overdue cases, terms and supervised work per community, each linked to its list.</summary>
    public required IReadOnlyList<CommunityOverdueRow> OverdueByCommunity { get; init; }

    /// <summary>Accounts locked by failed sign-ins, while the lock lasts: someone may be guessing their passwords.</summary>
    public IReadOnlyList<LockedAccountRow> LockedAccounts { get; init; } = [];
}

public sealed record LockedAccountRow(string Id, string UserName, string DisplayName, DateTime LockedUntilUtc);

public sealed record CompoundRow(int Id, string Name, string? PartyBranchName, int Buildings);
public sealed record GridRow(int Id, string Name, string? ChiefName, string? ChiefPhone, int Buildings);
public sealed record PairedUnitRow(int Id, string Name, string PartyOrganisationName, DateOnly StartDate);

public sealed class CommunityHomeViewModel
{
    public required int CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public required IReadOnlyList<CompoundRow> Compounds { get; init; }
    public required IReadOnlyList<GridRow> Grids { get; init; }
    public required IReadOnlyList<PairedUnitRow> PairedUnits { get; init; }
    public int VacantBuildingChiefs { get; init; }
    public required CommunityToDo Work { get; init; }
}

public sealed record UnitPairingRow(int PairingId, int CommunityId, string CommunityName, DateOnly StartDate, DateOnly? EndDate);

public sealed class UnitHomeViewModel
{
    public required int MemberUnitId { get; init; }
    public required string UnitName { get; init; }
    public required IReadOnlyList<UnitPairingRow> Pairings { get; init; }
    public required UnitToDo Work { get; init; }
}

namespace TongkuangAlliance.Core.Identity;

/// <summary>The roles of DESIGN.md §3. The names are used as role claims and in policies.</summary>
public enum PortalRole
{
    SubDistrictCommittee = 1,
    CommunityCommittee = 2,
    PairedUnit = 3,

    /// <summary>网格员 / 网格长: scoped to one or more grids of one community (issue 9).</summary>
    GridWorker = 4,

    /// <summary>党员志愿者: an in-service party member, scoped to themself (and their home community) (issue 5).</summary>
    Volunteer = 5,
}

public static class PortalRoles
{
    public const string SubDistrictCommittee = nameof(PortalRole.SubDistrictCommittee);
    public const string CommunityCommittee = nameof(PortalRole.CommunityCommittee);
    public const string PairedUnit = nameof(PortalRole.PairedUnit);
    public const string GridWorker = nameof(PortalRole.GridWorker);
    public const string Volunteer = nameof(PortalRole.Volunteer);
}

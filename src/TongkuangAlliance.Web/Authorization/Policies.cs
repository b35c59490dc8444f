using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>Named role policies: the middle tier between "signed in" (the fallback) and resource handlers.</summary>
public static class Policies
{
    public const string SubDistrictOnly = nameof(SubDistrictOnly);
    public const string CommunityOrSubDistrict = nameof(CommunityOrSubDistrict);

    /// <summary>Those who work cases: the committees and grid workers (each within its scope).</summary>
    public const string CaseWorkers = nameof(CaseWorkers);

    public const string GridWorkerOnly = nameof(GridWorkerOnly);

    /// <summary>The alliance's own work (pairing lists, joint meetings, supervision): committees and units, not grid workers.</summary>
    public const string AllianceMembers = nameof(AllianceMembers);

    public static void AddPortalPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(SubDistrictOnly, p => p.RequireRole(PortalRoles.SubDistrictCommittee));
        options.AddPolicy(CommunityOrSubDistrict, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee));
        options.AddPolicy(CaseWorkers, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.GridWorker));
        options.AddPolicy(GridWorkerOnly, p => p.RequireRole(PortalRoles.GridWorker));
        options.AddPolicy(AllianceMembers, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.PairedUnit));
    }
}

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

    /// <summary>Every role but Volunteer: applied to every staff controller by <see cref="StaffOnlyConvention"/>.</summary>
    public const string PortalStaff = nameof(PortalStaff);

    public const string VolunteerOnly = nameof(VolunteerOnly);

    public const string PairedUnitOnly = nameof(PairedUnitOnly);

    /// <summary>Those who owe supervised work: community committees and member units.</summary>
    public const string CommunityOrUnit = nameof(CommunityOrUnit);

    /// <summary>The sub-district committee and member units (e.g. the unit comparison of the dashboard).</summary>
    public const string SubDistrictOrUnit = nameof(SubDistrictOrUnit);

    /// <summary>Who reads the volunteer registry and hours ledger: the committees and member units, each within its scope.</summary>
    public const string VolunteerLedger = nameof(VolunteerLedger);

    public static void AddPortalPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(SubDistrictOnly, p => p.RequireRole(PortalRoles.SubDistrictCommittee));
        options.AddPolicy(CommunityOrSubDistrict, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee));
        options.AddPolicy(CaseWorkers, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.GridWorker));
        options.AddPolicy(GridWorkerOnly, p => p.RequireRole(PortalRoles.GridWorker));
        options.AddPolicy(PortalStaff, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.PairedUnit, PortalRoles.GridWorker));
        options.AddPolicy(VolunteerOnly, p => p.RequireRole(PortalRoles.Volunteer));
        options.AddPolicy(PairedUnitOnly, p => p.RequireRole(PortalRoles.PairedUnit));
        options.AddPolicy(CommunityOrUnit, p => p.RequireRole(PortalRoles.CommunityCommittee, PortalRoles.PairedUnit));
        options.AddPolicy(SubDistrictOrUnit, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.PairedUnit));
        options.AddPolicy(VolunteerLedger, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.PairedUnit));
        options.AddPolicy(AllianceMembers, p => p.RequireRole(PortalRoles.SubDistrictCommittee, PortalRoles.CommunityCommittee, PortalRoles.PairedUnit));
    }
}

namespace TongkuangAlliance.Web.Authorization;

/// <summary>The page each role lands on after signing in (the home page shows it, or sends the user to it).</summary>
public enum PortalHomePage
{
    SubDistrict,
    Community,
    Unit,
    GridWork,
    MyVolunteering,
}

public static class PortalHome
{
    /// <summary>The user's landing page; null for a role without one.</summary>
    public static PortalHomePage? Of(UserScope scope) => scope.Role switch
    {
        PortalRole.SubDistrictCommittee => PortalHomePage.SubDistrict,
        PortalRole.CommunityCommittee => PortalHomePage.Community,
        PortalRole.PairedUnit => PortalHomePage.Unit,
        PortalRole.GridWorker => PortalHomePage.GridWork,
        PortalRole.Volunteer => PortalHomePage.MyVolunteering,
        _ => null,
    };

    /// <summary>The resource key of the user's role name, for display (e.g. the scope badge of the menu bar).</summary>
    public static string RoleNameKey(this UserScope scope) => "Role." + scope.Role;
}

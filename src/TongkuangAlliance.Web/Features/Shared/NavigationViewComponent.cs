using TongkuangAlliance.Web.Infrastructure.FeatureFolders;

namespace TongkuangAlliance.Web.Features.Shared;

public sealed record MenuItem(string Text, string Controller, string Action, int? Id = null);

/// <summary>The side menu: only what the user's role can use, decided here rather than in Razor.</summary>
public sealed class NavigationViewComponent(IStringLocalizer<SharedResource> l) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var scope = UserScope.FromPrincipal(HttpContext.User);
        var items = new List<MenuItem> { new(l["Menu.Home"], "Home", "Index") };
        switch (scope?.Role)
        {
            case PortalRole.SubDistrictCommittee:
                items.Add(new(l["Menu.Dashboard"], "Dashboards", "Index"));
                items.Add(new(l["Menu.Communities"], "Communities", "Index"));
                items.Add(new(l["Menu.Cases"], "Cases", "Index"));
                items.Add(new(l["Menu.MyCases"], "Cases", "Mine"));
                items.Add(new(l["Menu.Activities"], "Activities", "Index"));
                items.Add(new(l["Menu.Grids"], "Grids", "Index"));
                items.Add(new(l["Menu.GridSummary"], "GridWork", "Summary"));
                items.Add(new(l["Menu.MemberUnits"], "MemberUnits", "Index"));
                items.Add(new(l["Menu.Pairings"], "Pairings", "Index"));
                items.Add(new(l["Menu.JointMeetings"], "JointMeetings", "Index"));
                items.Add(new(l["Menu.Supervision"], "Supervision", "Index"));
                items.Add(new(l["Menu.Volunteers"], "Volunteers", "Index"));
                items.Add(new(l["Menu.Accounts"], "Accounts", "Index"));
                items.Add(new(l["Menu.Audit"], "Audit", "Index"));
                items.Add(new(l["Menu.DeliveryLog"], "DeliveryLog", "Index"));
                items.Add(new(l["Menu.ServiceKinds"], "ServiceKinds", "Index"));
                break;
            case PortalRole.CommunityCommittee:
                items.Add(new(l["Menu.Dashboard"], "Dashboards", "Index"));
                items.Add(new(l["Menu.MyCommunity"], "Communities", "Details", scope.CommunityId));
                items.Add(new(l["Menu.Cases"], "Cases", "Index"));
                items.Add(new(l["Menu.MyCases"], "Cases", "Mine"));
                items.Add(new(l["Menu.Activities"], "Activities", "Index"));
                items.Add(new(l["Menu.Grids"], "Grids", "Index"));
                items.Add(new(l["Menu.GridSummary"], "GridWork", "Summary"));
                items.Add(new(l["Menu.PairedUnits"], "MemberUnits", "Index"));
                items.Add(new(l["Menu.JointMeetings"], "JointMeetings", "Index"));
                items.Add(new(l["Menu.OurCommitments"], "Supervision", "Commitments"));
                items.Add(new(l["Menu.Volunteers"], "Volunteers", "Index"));
                break;
            case PortalRole.PairedUnit:
                items.Add(new(l["Menu.Dashboard"], "Dashboards", "Unit"));
                items.Add(new(l["Menu.MyUnit"], "MemberUnits", "Details", scope.MemberUnitId));
                items.Add(new(l["Menu.Terms"], "Terms", "Index"));
                items.Add(new(l["Menu.Activities"], "Activities", "Index"));
                items.Add(new(l["Menu.MyActivities"], "Activities", "Mine"));
                items.Add(new(l["Menu.PairedCommunities"], "Communities", "Index"));
                items.Add(new(l["Menu.JointMeetings"], "JointMeetings", "Index"));
                items.Add(new(l["Menu.Commitments"], "Supervision", "Commitments"));
                items.Add(new(l["Menu.OurMembers"], "Volunteers", "Index"));
                break;
            case PortalRole.GridWorker:
                // Grid workers get no dashboard (ADR): their figures are the open cases and visits of "my grid".
                items.Add(new(l["Menu.MyGrid"], "GridWork", "Index"));
                items.Add(new(l["Menu.Cases"], "Cases", "Index"));
                items.Add(new(l["Menu.Visits"], "GridWork", "Visits"));
                items.Add(new(l["Menu.Activities"], "Activities", "Index"));
                break;
            case PortalRole.Volunteer:
                items.Clear();
                items.Add(new(l["MyVolunteering.Title"], "MyVolunteering", "Index"));
                items.Add(new(l["Certificate.Title"], "MyVolunteering", "Certificate"));
                break;
        }
        // The page's feature, not its controller: a feature split into several controllers (the calendar and its results) lights one item.
        var current = ViewContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var feature) && feature is string name
            ? name
            : (string?)ViewContext.RouteData.Values["controller"];
        // One item lit: of the feature's items (案件 and 我的案件), the one for this action, else the feature's first.
        // "My cases" is the case list filtered to mine (/Cases/Mine redirects to /Cases?mine=true).
        var action = HttpContext.Request.Query["mine"] == "true" ? "Mine" : (string?)ViewContext.RouteData.Values["action"];
        var ofFeature = items.Where(i => string.Equals(i.Controller, current, StringComparison.OrdinalIgnoreCase)).ToList();
        ViewData["ActiveItem"] = ofFeature.FirstOrDefault(i => string.Equals(i.Action, action, StringComparison.OrdinalIgnoreCase)) ?? ofFeature.FirstOrDefault();
        return View(items);
    }
}

/// <summary>Top bar: who is signed in and for which scope.</summary>
public sealed class ScopeBadgeViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => View();
}

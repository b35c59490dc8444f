using Microsoft.AspNetCore.Routing;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>Builds the filtered list links of one slice (the whole scope, a community, a grid or a compound) for one period.</summary>
internal sealed class DashboardLinks(IUrlHelper url, ReportPeriod period, int? communityId, int? gridId = null, int? compoundId = null)
{
    public ReportPeriod Period => period;

    public DashboardLinks For(int? communityId = null, int? gridId = null, int? compoundId = null) =>
        new(url, period, communityId ?? CommunityId, gridId, compoundId);

    private int? CommunityId => communityId;

    public string Cases(params (string Key, string Value)[] extra)
    {
        var values = Scope();
        if (gridId is { } g) values["gridId"] = Text(g);
        foreach (var (key, value) in extra) values[key] = value;
        return url.Action("Index", "Cases", values)!;
    }

    public string Resolved(CaseKind? kind, params (string Key, string Value)[] extra) =>
        Cases([.. kind is { } k ? [("kind", k.ToString())] : Array.Empty<(string, string)>(), ("resolvedFrom", period.FromText), ("resolvedTo", period.ToText), .. extra]);

    public string Registered(params (string Key, string Value)[] extra) => Cases([("from", period.FromText), ("to", period.ToText), .. extra]);

    public string FollowedUp(bool satisfied) => satisfied
        ? Cases(("followedFrom", period.FromText), ("followedTo", period.ToText), ("satisfied", "true"))
        : Cases(("followedFrom", period.FromText), ("followedTo", period.ToText));

    public string ServiceDays(ActivityKind? kind = ActivityKind.ServiceDay, params (string Key, string Value)[] extra)
    {
        var values = Scope();
        values["view"] = "list";
        if (kind is { } k) values["kind"] = k.ToString();
        values["status"] = nameof(ActivityStatus.Held);
        values["from"] = period.FromText;
        values["to"] = period.ToText;
        foreach (var (key, value) in extra) values[key] = value;
        return url.Action("Index", "Activities", values)!;
    }

    /// <summary>The volunteers' ledger of the period (one row per active volunteer, in the user's scope and the dashboard's community).</summary>
    public string Ledger()
    {
        var values = new RouteValueDictionary { ["from"] = period.FromText, ["to"] = period.ToText };
        if (communityId is { } c) values["communityId"] = Text(c);
        return url.Action("Ledger", "Volunteers", values)!;
    }

    public string Terms(int unitId, params (string Key, string Value)[] extra)
    {
        var values = new RouteValueDictionary { ["unitId"] = Text(unitId) };
        if (communityId is { } c) values["communityId"] = Text(c);
        foreach (var (key, value) in extra) values[key] = value;
        return url.Action("Index", "Terms", values)!;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private RouteValueDictionary Scope()
    {
        var values = new RouteValueDictionary();
        if (communityId is { } c) values["communityId"] = Text(c);
        if (compoundId is { } k) values["compoundId"] = Text(k);
        return values;
    }
}

using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 活动日历 (issue 4). The demo seeds 南区社区's activities first: activity 1 was held (with collected difficulty 1,
/// not yet a case), activity 2 is planned with 铜矿工程部 invited. Everyone signed in reads the calendar of the
/// communities in scope (北区 and 铜矿中学 get 404 on 南区's activities); staff schedule and record results; units
/// confirm; grid workers read their community's calendar and change nothing. The POSTs send forms the rules refuse (or a stale version), so the matrix changes nothing — except
/// RegenerateFeed, aimed at 北区社区 so that 南区's feed token, used by the Feed row, stays valid.
/// </summary>
public sealed class ActivitiesMatrixRows : IMatrixRows
{
    public const int SouthHeld = 1;
    public const int SouthPlanned = 2;
    public const int SouthDifficulty = 1;

    /// <summary>南区社区's demo feed token (reproducible from the demo password).</summary>
    public static string SouthFeedToken => DemoActivities.FeedToken(PortalFactory.DemoPassword, DemoCatalog.SouthCommunity);

    private static Dictionary<Persona, Outcome> Everyone() => MatrixRow.Staff(Outcome.Ok);

    private static Dictionary<Persona, Outcome> Staff() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden);

    private static Dictionary<Persona, Outcome> SouthRead() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden);

    private static Dictionary<Persona, Outcome> SouthStaff() =>
        Expect(Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden);

    private static Func<DemoIds, Dictionary<string, string>> Stale(Dictionary<string, string>? fields = null) =>
        _ => new Dictionary<string, string>(fields ?? []) { ["version"] = Guid.Empty.ToString() };

    private static readonly Dictionary<string, string> EmptyActivity = new() { ["Input.Title"] = "", ["Input.Place"] = "" };

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Activities", "Index", _ => "/Activities", Everyone()),
        new("GET", "Activities", "Mine", _ => "/Activities/Mine",
            Expect(Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden)),
        new("GET", "Activities", "Details", _ => $"/Activities/Details/{SouthHeld}", SouthRead()),
        // Copying another community's activity is 404, like reading it.
        new("GET", "Activities", "Create", _ => $"/Activities/Create?copyFrom={SouthHeld}", SouthStaff()),
        // Nothing filled in: the form re-displays with messages.
        new("POST", "Activities", "Create", _ => "/Activities/Create", Staff(), _ => EmptyActivity),
        new("GET", "Activities", "Edit", _ => $"/Activities/Edit/{SouthPlanned}", SouthStaff()),
        new("POST", "Activities", "Edit", _ => $"/Activities/Edit/{SouthPlanned}", SouthStaff(), _ => EmptyActivity),
        // No reason: refused, the page says why.
        new("POST", "Activities", "Cancel", _ => $"/Activities/Cancel/{SouthPlanned}", SouthStaff(), Stale(new() { ["reason"] = "" })),
        new("GET", "ActivityResults", "Results", _ => $"/Activities/Results/{SouthHeld}", SouthStaff()),
        // A negative count: re-displayed with a message.
        new("POST", "ActivityResults", "Results", _ => $"/Activities/Results/{SouthHeld}", SouthStaff(),
            _ => new() { ["Input.DisputesMediated"] = "-1", ["Input.Version"] = Guid.Empty.ToString() }),
        new("POST", "ActivityResults", "AddDifficulty", _ => $"/Activities/AddDifficulty/{SouthHeld}", SouthStaff(), Stale(new() { ["description"] = "" })),
        // The case-from-difficulty action: no category chosen, so no case is made.
        new("POST", "ActivityResults", "RaiseCase", _ => $"/Activities/RaiseCase/{SouthHeld}", SouthStaff(),
            Stale(new() { ["difficultyId"] = SouthDifficulty.ToString(System.Globalization.CultureInfo.InvariantCulture), ["categoryId"] = "0" })),
        // Only an invited unit confirms: 铜矿工程部 is invited (a stale version changes nothing); 铜矿中学 gets 404.
        new("POST", "Activities", "Confirm", _ => $"/Activities/Confirm/{SouthPlanned}",
            Expect(Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden), Stale()),
        // The iCalendar feed is anonymous with a valid token (the 404 for a wrong or replaced token is in ActivityFeedTests).
        new("GET", "CalendarFeed", "Feed", _ => $"/calendar/{SouthFeedToken}.ics", All(Outcome.Ok, Outcome.Ok)),
        new("POST", "CalendarFeed", "RegenerateFeed", ids => $"/Activities/RegenerateFeed/{ids.NorthCommunity}",
            Expect(Outcome.SignIn, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden), _ => []),

        new("GET", "ServiceKinds", "Index", _ => "/ServiceKinds", SubDistrictOnly()),
        new("GET", "ServiceKinds", "Create", _ => "/ServiceKinds/Create", SubDistrictOnly()),
        new("POST", "ServiceKinds", "Create", _ => "/ServiceKinds/Create", SubDistrictOnly(), _ => new() { ["Name"] = "", ["NameEn"] = "" }),
        new("GET", "ServiceKinds", "Edit", _ => "/ServiceKinds/Edit/1", SubDistrictOnly()),
        new("POST", "ServiceKinds", "Edit", _ => "/ServiceKinds/Edit/1", SubDistrictOnly(), _ => new() { ["Name"] = "", ["NameEn"] = "" }),
    ];
}

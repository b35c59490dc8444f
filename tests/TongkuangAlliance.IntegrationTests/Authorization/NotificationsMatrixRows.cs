using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 提醒: every signed-in role (volunteers too) has an inbox; a notification is its recipient's only — the demo's
/// notification of unit02 (UnitIn) is not found for everyone else, whatever their role.
/// </summary>
public sealed class NotificationsMatrixRows : IMatrixRows
{
    private static Dictionary<Persona, Outcome> UnitInOnly() =>
        Expect(Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound);

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Notifications", "Index", _ => "/Notifications?unread=true&kind=TermRecorded", All(Outcome.Ok)),
        new("POST", "Notifications", "Open", ids => $"/Notifications/Open/{ids.EngineeringNotification}", UnitInOnly()),
        new("POST", "Notifications", "MarkRead", ids => $"/Notifications/MarkRead/{ids.EngineeringNotification}", UnitInOnly()),
        new("POST", "Notifications", "MarkAllRead", _ => "/Notifications/MarkAllRead", All(Outcome.Ok)),
        // The sub-district's weekly digest: its committee only; every other role (signed in) is not found.
        new("GET", "Notifications", "Digest", ids => $"/Notifications/Digest/{ids.WeeklyDigest}",
            Expect(Outcome.SignIn, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound)),
    ];
}

using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// Issue 17's delivery pages: 提醒设置 is every signed-in user's own; the unsubscribe page needs no sign-in (its
/// token is the proof; a bad token changes nothing); the delivery log is the sub-district committee's, and a
/// delivery it does not have is not found.
/// </summary>
public sealed class DeliveryMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "NotificationSettings", "Index", _ => "/NotificationSettings", All(Outcome.Ok)),
        // An invalid language: the form is shown again and nothing changes for the persona.
        new("POST", "NotificationSettings", "Index", _ => "/NotificationSettings", All(Outcome.Ok), _ => new() { ["Culture"] = "fr" }),
        new("GET", "Unsubscribe", "Index", _ => "/Unsubscribe?token=not-a-token", All(Outcome.Ok, anonymous: Outcome.Ok)),
        new("POST", "Unsubscribe", "Confirm", _ => "/Unsubscribe", All(Outcome.Ok, anonymous: Outcome.Ok), _ => new() { ["token"] = "not-a-token" }),
        new("GET", "DeliveryLog", "Index", _ => "/DeliveryLog?status=Failed&channel=Email", SubDistrictOnly()),
        new("POST", "DeliveryLog", "Resend", _ => "/DeliveryLog/Resend/987654321",
            Expect(Outcome.SignIn, Outcome.NotFound, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden)),
    ];
}

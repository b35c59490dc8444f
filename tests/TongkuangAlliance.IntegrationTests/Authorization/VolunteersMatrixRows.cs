using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;
using static TongkuangAlliance.IntegrationTests.Authorization.Outcome;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// In-service party members (issue 5). Party member 1 is zhiyuan01 (南区社区, employed by 铜矿工程部), checked in at
/// 南区's held activity 1; check-in 1 is at a 南区 activity; sign-up 1 is for 南区's planned activity 2 (the Withdraw
/// row withdraws it: no other test uses it). Staff pages refuse volunteers; a volunteer's own pages refuse staff, and
/// a volunteer never reaches another person's sign-up (404). Forms are refused by the rules and change nothing.
/// </summary>
public sealed class VolunteersMatrixRows : IMatrixRows
{
    public const string VolunteerInUser = "zhiyuan01";
    public const string VolunteerOutUser = "zhiyuan02";
    public const int VolunteerInMember = 1;

    private static Dictionary<Persona, Outcome> Readers() => Expect(SignIn, Ok, Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> SouthStaff() => Expect(SignIn, Ok, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> Units() => Expect(SignIn, Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden);

    private static Dictionary<Persona, Outcome> Volunteers(Outcome volunteerIn, Outcome volunteerOut) =>
        Expect(SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, volunteerIn, volunteerOut);

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Volunteers", "Index", _ => "/Volunteers", Readers()),
        new("POST", "Volunteers", "Confirm", _ => $"/Volunteers/Confirm/{VolunteerInMember}", SouthStaff(), _ => []),
        // Member 1 (zhiyuan01) has an account already: the form says so, and a post is refused with a message.
        new("GET", "Volunteers", "Account", _ => $"/Volunteers/Account/{VolunteerInMember}", SouthStaff()),
        new("POST", "Volunteers", "Account", _ => $"/Volunteers/Account/{VolunteerInMember}", SouthStaff(),
            _ => new() { ["UserName"] = "matrix-volunteer", ["Password"] = "Matrix2026pass" }),
        new("GET", "ActivityVolunteers", "Activity", _ => $"/Volunteers/Activity/{ActivitiesMatrixRows.SouthHeld}?q=1", SouthStaff()),
        new("GET", "ActivityVolunteers", "Qr", _ => $"/Volunteers/Qr/{ActivitiesMatrixRows.SouthHeld}", SouthStaff()),
        new("POST", "ActivityVolunteers", "SignUp", _ => $"/Volunteers/SignUp/{ActivitiesMatrixRows.SouthHeld}", SouthStaff(),
            _ => new() { ["partyMemberId"] = VolunteerInMember.ToString(System.Globalization.CultureInfo.InvariantCulture), ["activityServiceId"] = "0" }),
        new("POST", "ActivityVolunteers", "Withdraw", _ => "/Volunteers/Withdraw/1", SouthStaff(), _ => []),
        new("POST", "ActivityVolunteers", "Desk", _ => $"/Volunteers/Desk/{ActivitiesMatrixRows.SouthHeld}", SouthStaff(),
            _ => new() { ["partyMemberId"] = VolunteerInMember.ToString(System.Globalization.CultureInfo.InvariantCulture), ["checkOut"] = "false" }),
        new("POST", "ActivityVolunteers", "Correct", _ => "/Volunteers/Correct/1", SouthStaff(), _ => new() { ["Reason"] = "" }),
        new("GET", "Volunteers", "Ledger", _ => "/Volunteers/Ledger?by=unit", Readers()),
        new("GET", "Volunteers", "Certificate", _ => $"/Volunteers/Certificate/{VolunteerInMember}",
            Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "Volunteers", "Idle", _ => "/Volunteers/Idle", Readers()),
        new("GET", "VolunteerImport", "Import", _ => "/Volunteers/Import", Units()),
        new("POST", "VolunteerImport", "Import", _ => "/Volunteers/Import", Units(), _ => []),
        new("POST", "VolunteerImport", "ImportConfirm", _ => "/Volunteers/ImportConfirm", Units(), _ => new() { ["payload"] = "forged" }),
        new("GET", "VolunteerImport", "ImportTemplate", _ => "/Volunteers/ImportTemplate", Units()),

        new("GET", "PartyMembers", "Create", _ => "/PartyMembers/Create", Readers()),
        new("POST", "PartyMembers", "Create", _ => "/PartyMembers/Create", Readers(), _ => []),
        new("GET", "PartyMembers", "Edit", _ => $"/PartyMembers/Edit/{VolunteerInMember}",
            Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "PartyMembers", "Edit", _ => $"/PartyMembers/Edit/{VolunteerInMember}",
            Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), _ => []),

        new("GET", "MyVolunteering", "Index", _ => "/MyVolunteering", Volunteers(Ok, Ok)),
        new("POST", "MyVolunteering", "SignUp", _ => "/MyVolunteering/SignUp", Volunteers(Ok, NotFound),
            _ => new() { ["activityId"] = ActivitiesMatrixRows.SouthPlanned.ToString(System.Globalization.CultureInfo.InvariantCulture), ["activityServiceId"] = "0" }),
        new("POST", "MyVolunteering", "Withdraw", _ => "/MyVolunteering/Withdraw/1", Volunteers(NotFound, NotFound), _ => []),
        new("GET", "MyVolunteering", "Scan", _ => "/MyVolunteering/Scan?code=not-a-code", Volunteers(Ok, Ok)),
        new("POST", "MyVolunteering", "Scan", _ => "/MyVolunteering/Scan", Volunteers(Ok, Ok), _ => new() { ["code"] = "not-a-code" }),
        new("GET", "MyVolunteering", "Certificate", _ => "/MyVolunteering/Certificate", Volunteers(Ok, Ok)),
    ];
}

using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 三张清单, 联席会议, 督办 (issue 7). The demo's ids of these records are fixed by DemoJoint's seeding order
/// (checked by JointDemoTests): project 3 is 铜矿工程部's open project in its pairing with 南区; meeting 3 was
/// convened by 南区 with 铜矿工程部 attending; action item 7 is that meeting's task for 铜矿工程部.
/// Forms are invalid (re-displayed, nothing saved), so no persona's data changes. Grid workers are refused by role:
/// pairings and joint meetings are the committees' and units' work, not the grid's.
/// </summary>
public sealed class JointMatrixRows : IMatrixRows
{
    public const int SouthEngineeringOpenProject = JointDemo.OpenProjectId;
    public const int SouthCommunityMeeting = JointDemo.CommunityMeetingId;
    public const int EngineeringActionItem = JointDemo.CommunityMeetingItemId;

    private const Outcome Ok = Outcome.Ok, SignIn = Outcome.SignIn, Forbidden = Outcome.Forbidden, NotFound = Outcome.NotFound;

    private static Dictionary<string, string> EmptyEntry(Infrastructure.DemoIds _) => new() { ["Input.Title"] = "" };

    public IEnumerable<MatrixRow> Rows() =>
    [
        // A pairing's page: both sides and the sub-district; the other community and unit get 404.
        new("GET", "PairingLists", "Details", ids => $"/PairingLists/Details/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        // Needs: the community side (and the sub-district); the unit of the pairing is refused by role.
        new("GET", "PairingLists", "AddNeed", ids => $"/PairingLists/AddNeed/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Ok, NotFound, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "PairingLists", "AddNeed", ids => $"/PairingLists/AddNeed/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Ok, NotFound, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), EmptyEntry),
        // Resources: the unit side (and the sub-district).
        new("GET", "PairingLists", "AddResource", ids => $"/PairingLists/AddResource/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Forbidden, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "PairingLists", "AddResource", ids => $"/PairingLists/AddResource/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Forbidden, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), EmptyEntry),
        // Projects: either side.
        new("GET", "PairingLists", "CreateProject", ids => $"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "PairingLists", "CreateProject", ids => $"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden), EmptyEntry),

        new("GET", "JointMeetings", "Index", _ => "/JointMeetings", Expect(SignIn, Ok, Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        // Meeting 3: convened by 南区, attended by 铜矿工程部; 北区 and 铜矿中学 were not there.
        new("GET", "JointMeetings", "Details", _ => $"/JointMeetings/Details/{SouthCommunityMeeting}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("GET", "JointMeetings", "Create", _ => "/JointMeetings/Create", Expect(SignIn, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "JointMeetings", "Create", _ => "/JointMeetings/Create", Expect(SignIn, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden), _ => new() { ["Input.Place"] = "" }),
        // Decisions: the sub-district, or the community that convened the meeting; no owner chosen → re-displayed.
        new("POST", "JointMeetings", "AddDecision", _ => $"/JointMeetings/AddDecision/{SouthCommunityMeeting}", Expect(SignIn, Ok, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden),
            _ => new() { ["Input.DecisionText"] = "矩阵测试", ["Input.Owner"] = "", ["Input.What"] = "" }),

        new("GET", "Supervision", "Index", _ => "/Supervision?overdue=true", SubDistrictOnly()),
        new("GET", "Supervision", "Commitments", ids => $"/Supervision/Commitments?unitId={ids.EngineeringUnit}", Expect(SignIn, Ok, NotFound, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        // A project is read by both sides of its pairing; progress only by its owner (铜矿工程部); send back only by the sub-district.
        new("GET", "Supervision", "Project", _ => $"/Supervision/Project/{SouthEngineeringOpenProject}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "Supervision", "ProjectProgress", _ => $"/Supervision/ProjectProgress/{SouthEngineeringOpenProject}", Expect(SignIn, Forbidden, NotFound, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden),
            _ => new() { ["ProgressForm.Progress"] = "101", ["ProgressForm.Note"] = "矩阵" }),
        new("POST", "Supervision", "ProjectSendBack", _ => $"/Supervision/ProjectSendBack/{SouthEngineeringOpenProject}", SubDistrictOnly(), _ => new() { ["SendBack.Comment"] = "" }),
        // An action item is read by its owner, the sub-district and a community that convened or attended its meeting (南区社区 here); progress only by its owner.
        new("GET", "Supervision", "ActionItem", _ => $"/Supervision/ActionItem/{EngineeringActionItem}", Expect(SignIn, Ok, Ok, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden)),
        new("POST", "Supervision", "ActionItemProgress", _ => $"/Supervision/ActionItemProgress/{EngineeringActionItem}", Expect(SignIn, Forbidden, Forbidden, NotFound, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden),
            _ => new() { ["ProgressForm.Progress"] = "-1", ["ProgressForm.Note"] = "矩阵" }),
        new("POST", "Supervision", "ActionItemSendBack", _ => $"/Supervision/ActionItemSendBack/{EngineeringActionItem}", SubDistrictOnly(), _ => new() { ["SendBack.Comment"] = "" }),
    ];
}

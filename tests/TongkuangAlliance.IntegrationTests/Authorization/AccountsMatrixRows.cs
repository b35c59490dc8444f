using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>
/// 账号管理: the sub-district committee only (role policy), everyone else Forbidden. The target is the demo
/// account "xincun" (新村社区党委), which is no persona, so the matrix's own personas are never locked,
/// deactivated or re-scoped. Forms are invalid (re-displayed, 200) wherever the action takes input; Lock,
/// Unlock, Deactivate and Reactivate take none and act on xincun in the matrix's own database only.
/// </summary>
public sealed class AccountsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "Accounts", "Index", _ => "/Accounts", SubDistrictOnly()),
        new("GET", "Accounts", "Details", ids => $"/Accounts/Details/{ids.XincunAccount}", SubDistrictOnly()),
        new("GET", "AccountForms", "Create", _ => "/Accounts/Create", SubDistrictOnly()),
        // Nothing filled in: re-displayed with errors, no account created.
        new("POST", "AccountForms", "Create", _ => "/Accounts/Create", SubDistrictOnly(), _ => new() { ["UserName"] = "", ["Password"] = "" }),
        new("GET", "AccountForms", "Edit", ids => $"/Accounts/Edit/{ids.XincunAccount}", SubDistrictOnly()),
        // An empty display name: re-displayed, xincun keeps its role and scope.
        new("POST", "AccountForms", "Edit", ids => $"/Accounts/Edit/{ids.XincunAccount}", SubDistrictOnly(),
            _ => new() { ["DisplayName"] = "", ["Role"] = "CommunityCommittee" }),
        new("GET", "AccountAccess", "ResetPassword", ids => $"/Accounts/ResetPassword/{ids.XincunAccount}", SubDistrictOnly()),
        // Too short for the policy: re-displayed, the password is unchanged.
        new("POST", "AccountAccess", "ResetPassword", ids => $"/Accounts/ResetPassword/{ids.XincunAccount}", SubDistrictOnly(),
            _ => new() { ["NewPassword"] = "short" }),
        new("POST", "AccountAccess", "Lock", ids => $"/Accounts/Lock/{ids.XincunAccount}", SubDistrictOnly()),
        new("POST", "AccountAccess", "Unlock", ids => $"/Accounts/Unlock/{ids.XincunAccount}", SubDistrictOnly()),
        new("POST", "AccountAccess", "Deactivate", ids => $"/Accounts/Deactivate/{ids.XincunAccount}", SubDistrictOnly()),
        new("POST", "AccountAccess", "Reactivate", ids => $"/Accounts/Reactivate/{ids.XincunAccount}", SubDistrictOnly()),
    ];
}

namespace TongkuangAlliance.Web.Authorization;

/// <summary>An account as far as managing it goes: its sub-district and its role.</summary>
public sealed record AccountResource(int SubDistrictId, PortalRole Role);

public static class AccountOperations
{
    /// <summary>Change the account's name, role and scope (the account form).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = $"{nameof(AccountOperations)}.{nameof(Edit)}" };
}

/// <summary>
/// The sub-district committee edits the accounts of its sub-district, except a volunteer's: a volunteer's scope is
/// fixed by their party-member record (issue 5), so the account form does not apply to it.
/// </summary>
public sealed class AccountAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AccountResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AccountResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || requirement.Name != AccountOperations.Edit.Name) return Task.CompletedTask;
        if (scope.Role == PortalRole.SubDistrictCommittee && scope.SubDistrictId == resource.SubDistrictId && resource.Role != PortalRole.Volunteer)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

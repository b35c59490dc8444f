using Names = TongkuangAlliance.Web.Authorization.PartyMemberOperations.Names;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// Who may act on a party member's entry (issue 5). The sub-district committee: anyone of its sub-district. A
/// community committee: the residents who report to it (it registers them with any employer of the sub-district),
/// and it confirms them and opens their accounts. A paired unit: its own employees (living in any community of the
/// sub-district), and it imports them in bulk. Grid workers and volunteers: nothing.
/// </summary>
public sealed class PartyMemberAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PartyMemberResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PartyMemberResource resource)
    {
        var scope = UserScope.FromPrincipal(context.User);
        if (scope is null || scope.SubDistrictId != resource.SubDistrictId) return Task.CompletedTask;

        var ownCommunity = resource.HomeCommunityId is { } home && home == scope.CommunityId;
        var ownUnit = resource.MemberUnitId is { } unit && unit == scope.MemberUnitId;
        var allowed = (requirement.Name, scope.Role) switch
        {
            (Names.RegisterInCommunity, PortalRole.SubDistrictCommittee or PortalRole.PairedUnit) => resource.HomeCommunityId is not null,
            (Names.RegisterInCommunity, PortalRole.CommunityCommittee) => ownCommunity,
            (Names.RegisterForUnit, PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee) => true,
            (Names.RegisterForUnit, PortalRole.PairedUnit) => ownUnit,
            (Names.Edit, PortalRole.SubDistrictCommittee) => true,
            (Names.Edit, PortalRole.CommunityCommittee) => ownCommunity,
            (Names.Edit, PortalRole.PairedUnit) => ownUnit,
            (Names.Confirm or Names.OpenAccount, PortalRole.SubDistrictCommittee) => true,
            (Names.Confirm or Names.OpenAccount, PortalRole.CommunityCommittee) => ownCommunity,
            (Names.Import, PortalRole.PairedUnit) => ownUnit,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

using Names = TongkuangAlliance.Web.Authorization.PartyMemberOperations.Names;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of a party member's entry that decides who may act on it: the sub-district, the home community the member
/// reported to and the member unit that employs them (null: an employer outside the alliance). A form's single
/// choices are asked about on their own: <see cref="InCommunity"/> for the home community, <see cref="ForUnit"/> for the unit.
/// </summary>
public sealed record PartyMemberResource(int SubDistrictId, int? HomeCommunityId, int? MemberUnitId)
{
    public static PartyMemberResource InCommunity(int subDistrictId, int communityId) => new(subDistrictId, communityId, null);

    public static PartyMemberResource ForUnit(int subDistrictId, int? memberUnitId) => new(subDistrictId, null, memberUnitId);
}

/// <summary>What may be done to a party member's entry (issue 5), decided by <see cref="PartyMemberAuthorizationHandler"/>.</summary>
public static class PartyMemberOperations
{
    /// <summary>Register a member whose home is this community (<see cref="PartyMemberResource.InCommunity"/>).</summary>
    public static readonly OperationAuthorizationRequirement RegisterInCommunity = new() { Name = Names.RegisterInCommunity };

    /// <summary>Register a member employed by this unit, or by no unit of the alliance (<see cref="PartyMemberResource.ForUnit"/>).</summary>
    public static readonly OperationAuthorizationRequirement RegisterForUnit = new() { Name = Names.RegisterForUnit };

    /// <summary>Correct an entry (phone, employer, home, status).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = Names.Edit };

    /// <summary>Confirm a member's registration (报到确认): the home community's side.</summary>
    public static readonly OperationAuthorizationRequirement Confirm = new() { Name = Names.Confirm };

    /// <summary>Open the member's own volunteer sign-in account.</summary>
    public static readonly OperationAuthorizationRequirement OpenAccount = new() { Name = Names.OpenAccount };

    /// <summary>Import a spreadsheet of members onto the unit's books (<see cref="PartyMemberResource.ForUnit"/>).</summary>
    public static readonly OperationAuthorizationRequirement Import = new() { Name = Names.Import };

    /// <summary>The operations' names, as constants for the handler's switch (and so that no resource-key scan mistakes them for texts).</summary>
    public static class Names
    {
        public const string RegisterInCommunity = "PartyMember.RegisterInCommunity";
        public const string RegisterForUnit = "PartyMember.RegisterForUnit";
        public const string Edit = "PartyMember.Edit";
        public const string Confirm = "PartyMember.Confirm";
        public const string OpenAccount = "PartyMember.OpenAccount";
        public const string Import = "PartyMember.Import";
    }
}

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

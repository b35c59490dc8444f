namespace TongkuangAlliance.Web.Authorization;

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

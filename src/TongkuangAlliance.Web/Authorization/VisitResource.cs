namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// What decides who may do what with a visit (走访): where it is. For a recorded visit, its grid and that grid's
/// community and sub-district. Before a visit is recorded the grid may not be chosen yet: <see cref="LedgerOf"/>
/// names the ledger a user keeps (its own community, any grid), which is what the ledger page asks about.
/// </summary>
public sealed record VisitResource(int SubDistrictId, int? CommunityId, int? GridId)
{
    /// <summary>The ledger the user itself would record in: its community (if it has one), grid still to be chosen.</summary>
    public static VisitResource LedgerOf(UserScope scope) => new(scope.SubDistrictId, scope.CommunityId, null);
}

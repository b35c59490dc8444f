namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of a case that decides who may do what to it: where it is (sub-district, community, grid), who handles
/// it and whether the sub-district took it over. For intake, the place a new case is to be registered.
/// </summary>
public sealed record CaseResource(int SubDistrictId, int CommunityId, int? GridId, string? HandlerUserId = null, bool TakenOverBySubDistrict = false)
{
    /// <summary>A loaded case; its <see cref="Case.Community"/> must be loaded too (for the sub-district).</summary>
    public static CaseResource Of(Case kase) =>
        new(kase.Community?.SubDistrictId ?? throw new InvalidOperationException("Load the case's community to authorize it."),
            kase.CommunityId, kase.GridId, kase.HandlerUserId, kase.TakenOverBySubDistrict);
}

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

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of a record that decides who may change it: the community it belongs to. Controllers build
/// one from their projection, so no entity has to be loaded just to be authorized.
/// </summary>
public sealed record CommunityResource(int SubDistrictId, int CommunityId);

/// <summary>A member unit's own record.</summary>
public sealed record MemberUnitResource(int SubDistrictId, int MemberUnitId);

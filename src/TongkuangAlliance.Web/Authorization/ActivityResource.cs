namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// The part of an activity that decides who may act on it: its community (and that community's sub-district) and
/// the member units invited to take part. <see cref="ForCommunity"/> stands for a community's calendar as a whole
/// (scheduling in it, its iCalendar feed), before any activity exists.
/// </summary>
public sealed record ActivityResource(int SubDistrictId, int CommunityId, IReadOnlyCollection<int> InvitedUnitIds)
{
    public static ActivityResource ForCommunity(int subDistrictId, int communityId) => new(subDistrictId, communityId, []);
}

namespace TongkuangAlliance.IntegrationTests;

/// <summary>Ids of DemoJoint's records in a freshly seeded database (fixed by its seeding order; JointDemoTests checks them).</summary>
public static class JointDemo
{
    /// <summary>"南山小区路灯维修": 铜矿工程部's open project with 南区, this year.</summary>
    public const int OpenProjectId = 3;

    /// <summary>The meeting 南区社区 convened, 铜矿工程部 attending.</summary>
    public const int CommunityMeetingId = 3;

    /// <summary>That meeting's action item for 铜矿工程部.</summary>
    public const int CommunityMeetingItemId = 7;
}

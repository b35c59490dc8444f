using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>Attendance rows are part of their meeting (not separately audited: the meeting is).</summary>
internal sealed class JointMeetingAttendeeConfiguration : IEntityTypeConfiguration<JointMeetingAttendee>
{
    public void Configure(EntityTypeBuilder<JointMeetingAttendee> builder)
    {
        builder.HasOne(a => a.MemberUnit).WithMany().HasForeignKey(a => a.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Community).WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> builder)
    {
        builder.ConfigureAudit();
        builder.Property(m => m.Place).HasMaxLength(FieldLengths.Address);
        builder.Property(m => m.ConvenedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(m => m.Topics).HasMaxLength(FieldLengths.Note);
        builder.Property(m => m.Minutes).HasMaxLength(FieldLengths.Minutes);
        builder.HasOne<Structure.SubDistrict>().WithMany().HasForeignKey(m => m.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure.Community>().WithMany().HasForeignKey(m => m.ConvenerCommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Decisions).WithOne(d => d.Meeting).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.ActionItems).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SubDistrictId, m.MeetingDate });
    }
}

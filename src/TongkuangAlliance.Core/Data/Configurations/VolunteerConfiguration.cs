using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>Party members: one registration per phone number; the desk searches by name and phone tail.</summary>
internal sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> builder)
    {
        builder.ConfigureAudit();
        builder.Property(m => m.Name).HasMaxLength(FieldLengths.PersonName);
        builder.Property(m => m.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(m => m.PhoneTail).HasMaxLength(4);
        builder.Property(m => m.EmployerName).HasMaxLength(FieldLengths.Name);
        builder.Property(m => m.PartyBranch).HasMaxLength(PartyMember.BranchLength);
        builder.Property(m => m.Skills).HasMaxLength(PartyMember.SkillsLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(ActivityConfiguration.EnumLength);
        builder.Property(m => m.Registration).HasConversion<string>().HasMaxLength(ActivityConfiguration.EnumLength);
        builder.Ignore(m => m.CanVolunteer);
        builder.HasIndex(m => m.Phone).IsUnique();
        builder.HasIndex(m => new { m.HomeCommunityId, m.Name });
        builder.HasIndex(m => new { m.MemberUnitId, m.Name });
        builder.HasIndex(m => m.PhoneTail);
        builder.HasOne(m => m.MemberUnit).WithMany().HasForeignKey(m => m.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.HomeCommunity).WithMany().HasForeignKey(m => m.HomeCommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.HomeCompound).WithMany().HasForeignKey(m => m.HomeCompoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Sign-ups: one row per member and activity; the waitlist reads (service, status, queued at).</summary>
internal sealed class ActivitySignUpConfiguration : IEntityTypeConfiguration<ActivitySignUp>
{
    public void Configure(EntityTypeBuilder<ActivitySignUp> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(ActivityConfiguration.EnumLength);
        builder.HasIndex(s => new { s.ActivityId, s.PartyMemberId }).IsUnique();
        builder.HasIndex(s => new { s.ActivityServiceId, s.Status, s.QueuedAtUtc });
        builder.HasIndex(s => s.PartyMemberId);
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ActivityService).WithMany().HasForeignKey(s => s.ActivityServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.PartyMember).WithMany().HasForeignKey(s => s.PartyMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Check-ins: the unique (activity, member) index is what makes a second scan count once.</summary>
internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(ActivityConfiguration.EnumLength);
        builder.Property(c => c.CheckOutSource).HasConversion<string>().HasMaxLength(ActivityConfiguration.EnumLength);
        builder.Property(c => c.CorrectionReason).HasMaxLength(FieldLengths.Reason);
        builder.Ignore(c => c.Hours);
        builder.HasIndex(c => new { c.ActivityId, c.PartyMemberId }).IsUnique();
        builder.HasIndex(c => new { c.PartyMemberId, c.CheckedInAtUtc });
        // Covering: the dashboards and ledgers sum minutes per period and activity without reading the table (issue 6).
        builder.HasIndex(c => new { c.CheckedInAtUtc, c.ActivityId, c.PartyMemberId, c.Minutes });
        builder.HasOne(c => c.Activity).WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PartyMember).WithMany().HasForeignKey(c => c.PartyMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

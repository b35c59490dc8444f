using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>Activities: enums by name, and the indexes behind the calendar (community + start) and the overlap check (compound + start).</summary>
internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public const int EnumLength = 30;

    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ConfigureAudit();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(a => a.Stream).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(a => a.Organiser).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(a => a.Title).HasMaxLength(FieldLengths.Title);
        builder.Property(a => a.Place).HasMaxLength(FieldLengths.Address);
        builder.Property(a => a.Description).HasMaxLength(FieldLengths.Description);
        builder.Property(a => a.CancelReason).HasMaxLength(FieldLengths.Reason);
        builder.Property(a => a.ResultSummary).HasMaxLength(FieldLengths.Description);
        builder.Ignore(a => a.ResidentsServed);

        builder.HasIndex(a => new { a.CommunityId, a.StartUtc });
        builder.HasIndex(a => new { a.CompoundId, a.StartUtc });
        builder.HasIndex(a => a.StartUtc);

        builder.HasOne(a => a.Community).WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Compound).WithMany().HasForeignKey(a => a.CompoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OrganiserUnit).WithMany().HasForeignKey(a => a.OrganiserUnitId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(a => a.Services).WithOne(s => s.Activity).HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Units).WithOne(u => u.Activity).HasForeignKey(u => u.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Difficulties).WithOne(d => d.Activity).HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Services).HasField("_services");
        builder.Navigation(a => a.Units).HasField("_units");
        builder.Navigation(a => a.Difficulties).HasField("_difficulties");
    }
}

internal sealed class ActivityServiceConfiguration : IEntityTypeConfiguration<ActivityService>
{
    public void Configure(EntityTypeBuilder<ActivityService> builder)
    {
        builder.ConfigureAudit();
        builder.HasIndex(s => new { s.ActivityId, s.ServiceKindId }).IsUnique();
        builder.HasOne(s => s.ServiceKind).WithMany().HasForeignKey(s => s.ServiceKindId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityUnitConfiguration : IEntityTypeConfiguration<ActivityUnit>
{
    public void Configure(EntityTypeBuilder<ActivityUnit> builder)
    {
        builder.ConfigureAudit();
        builder.Property(u => u.Commitment).HasMaxLength(FieldLengths.Note);
        builder.HasIndex(u => new { u.ActivityId, u.MemberUnitId }).IsUnique();
        builder.HasIndex(u => u.MemberUnitId);
        builder.HasOne(u => u.MemberUnit).WithMany().HasForeignKey(u => u.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityDifficultyConfiguration : IEntityTypeConfiguration<ActivityDifficulty>
{
    public void Configure(EntityTypeBuilder<ActivityDifficulty> builder)
    {
        builder.ConfigureAudit();
        builder.Property(d => d.ResidentName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(d => d.ResidentPhone).HasMaxLength(FieldLengths.Phone);
        builder.Property(d => d.Description).HasMaxLength(FieldLengths.Description);
        builder.HasIndex(d => d.CaseId);
        builder.HasOne(d => d.Case).WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceKindConfiguration : IEntityTypeConfiguration<ServiceKind>
{
    public void Configure(EntityTypeBuilder<ServiceKind> builder)
    {
        builder.ConfigureAudit();
        builder.Property(k => k.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(k => k.NameEn).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(k => k.Name).IsUnique();
    }
}

internal sealed class ActivityFeedConfiguration : IEntityTypeConfiguration<ActivityFeed>
{
    public void Configure(EntityTypeBuilder<ActivityFeed> builder)
    {
        builder.ConfigureAudit();
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasIndex(f => f.CommunityId).IsUnique();
        builder.HasOne(f => f.Community).WithMany().HasForeignKey(f => f.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

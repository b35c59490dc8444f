using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class JointProjectConfiguration : IEntityTypeConfiguration<JointProject>
{
    public void Configure(EntityTypeBuilder<JointProject> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.Title);
        builder.Property(p => p.Target).HasMaxLength(FieldLengths.Reason);
        builder.Property(p => p.Stream).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(p => p.OwnerSide).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.HasOne(p => p.Pairing).WithMany().HasForeignKey(p => p.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Need).WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Resource).WithMany().HasForeignKey(p => p.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PairingId, p.Year });
        builder.HasIndex(p => new { p.Status, p.DueDate });
    }
}

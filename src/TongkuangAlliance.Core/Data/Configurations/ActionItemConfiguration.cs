using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ConfigureAudit();
        builder.Property(a => a.What).HasMaxLength(FieldLengths.Reason);
        builder.Property(a => a.Stream).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.HasOne(a => a.OwnerUnit).WithMany().HasForeignKey(a => a.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerCommunity).WithMany().HasForeignKey(a => a.OwnerCommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Status, a.DueDate });
    }
}

using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class PairingNeedConfiguration : IEntityTypeConfiguration<PairingNeed>
{
    public void Configure(EntityTypeBuilder<PairingNeed> builder)
    {
        builder.ConfigureAudit();
        builder.Property(n => n.Title).HasMaxLength(FieldLengths.Title);
        builder.Property(n => n.Description).HasMaxLength(FieldLengths.Reason);
        builder.HasOne(n => n.Pairing).WithMany().HasForeignKey(n => n.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.PairingId, n.Year });
    }
}

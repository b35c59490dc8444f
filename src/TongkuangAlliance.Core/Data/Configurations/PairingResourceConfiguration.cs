using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class PairingResourceConfiguration : IEntityTypeConfiguration<PairingResource>
{
    public void Configure(EntityTypeBuilder<PairingResource> builder)
    {
        builder.ConfigureAudit();
        builder.Property(r => r.Title).HasMaxLength(FieldLengths.Title);
        builder.Property(r => r.Description).HasMaxLength(FieldLengths.Reason);
        builder.HasOne(r => r.Pairing).WithMany().HasForeignKey(r => r.PairingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PairingId, r.Year });
    }
}

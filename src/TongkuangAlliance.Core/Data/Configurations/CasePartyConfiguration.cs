using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(p => p.RemovalReason).HasMaxLength(FieldLengths.Reason);
        // A unit's terms are found through its parties: MemberUnitId is indexed as a foreign key.
        builder.HasOne(p => p.MemberUnit).WithMany().HasForeignKey(p => p.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class AgreementTermConfiguration : IEntityTypeConfiguration<AgreementTerm>
{
    public void Configure(EntityTypeBuilder<AgreementTerm> builder)
    {
        builder.ConfigureAudit();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(t => t.Description).HasMaxLength(FieldLengths.Reason);
        builder.Property(t => t.ProofNote).HasMaxLength(FieldLengths.Reason);
        builder.Property(t => t.WithdrawalReason).HasMaxLength(FieldLengths.Reason);
        builder.Property(t => t.Amount).HasPrecision(18, 2);
        builder.HasOne(t => t.ObligatedParty).WithMany().HasForeignKey(t => t.ObligatedPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.Status, t.DueDate });
    }
}

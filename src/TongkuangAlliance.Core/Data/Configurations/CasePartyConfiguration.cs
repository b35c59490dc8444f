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
        builder.Property(p => p.Gender).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(p => p.Ethnicity).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.Occupation).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.Address).HasMaxLength(FieldLengths.Address);
        // Data Protection output of an 18-character number (base64url of the key id, IV, ciphertext and MAC).
        builder.Property(p => p.IdNumberProtected).HasMaxLength(FieldLengths.ProtectedValue);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(FieldLengths.IdNumber);
        builder.Property(p => p.RepresentativeName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.RepresentativeTitle).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.ContactPerson).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.AgentName).HasMaxLength(FieldLengths.PersonName);
        // A unit's terms are found through its parties: MemberUnitId is indexed as a foreign key.
        builder.HasOne(p => p.MemberUnit).WithMany().HasForeignKey(p => p.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

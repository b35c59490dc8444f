using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Place).HasMaxLength(FieldLengths.Address);
        builder.Property(s => s.ConvenedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.Attendees).HasMaxLength(FieldLengths.Note);
        builder.Property(s => s.Minutes).HasMaxLength(FieldLengths.Minutes);
        builder.Property(s => s.Outcome).HasMaxLength(FieldLengths.Note);
        builder.HasIndex(s => new { s.CaseId, s.HeldAtUtc });
    }
}

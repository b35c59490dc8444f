using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequence>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequence> builder)
    {
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
        // The value read is the token: UPDATE … SET Next = n + 1 WHERE Year = y AND Next = n.
        builder.Property(s => s.Next).IsConcurrencyToken();
    }
}

using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>The append-only timeline: not auditable (it is itself the history), never updated.</summary>
internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(e => e.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(e => e.Summary).HasMaxLength(FieldLengths.EventSummary);
        builder.HasIndex(e => new { e.CaseId, e.AtUtc });
    }
}

using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ConfigureAudit();
        builder.Property(f => f.Method).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(f => f.Satisfaction).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(f => f.Note).HasMaxLength(FieldLengths.Note);
        builder.Ignore(f => f.CallsForReopening);
        // The dashboards' satisfaction counts the follow-ups of a period.
        // Covering for the dashboards' satisfaction count (the follow-ups of a period, grouped by case).
        builder.HasIndex(f => new { f.Date, f.CaseId, f.Satisfaction });
    }
}

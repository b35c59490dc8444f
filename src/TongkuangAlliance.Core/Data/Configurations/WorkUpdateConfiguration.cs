using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>The append-only history of projects and action items: not auditable (it is itself the history), never updated.</summary>
internal sealed class WorkUpdateConfiguration : IEntityTypeConfiguration<WorkUpdate>
{
    public void Configure(EntityTypeBuilder<WorkUpdate> builder)
    {
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(CaseConfiguration.EnumLength);
        builder.Property(u => u.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(u => u.Note).HasMaxLength(FieldLengths.Reason);
    }
}

using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.NameEn).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

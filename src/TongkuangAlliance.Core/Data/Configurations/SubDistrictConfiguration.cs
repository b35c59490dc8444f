namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class SubDistrictConfiguration : IEntityTypeConfiguration<SubDistrict>
{
    public void Configure(EntityTypeBuilder<SubDistrict> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.City).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.WorkingCommitteeName).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

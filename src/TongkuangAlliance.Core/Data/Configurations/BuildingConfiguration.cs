namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.ConfigureAudit();
        builder.Property(b => b.Name).HasMaxLength(FieldLengths.Name);
        builder.OwnsContact(b => b.Chief, "Chief");
        builder.HasIndex(b => new { b.CompoundId, b.Name }).IsUnique();
        builder.HasOne(b => b.Compound).WithMany(c => c.Buildings).HasForeignKey(b => b.CompoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Grid).WithMany(g => g.Buildings).HasForeignKey(b => b.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}

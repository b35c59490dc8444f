namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.ConfigureAudit();
        builder.Property(g => g.Name).HasMaxLength(FieldLengths.Name);
        builder.OwnsContact(g => g.Chief, "Chief");
        builder.HasIndex(g => new { g.CommunityId, g.Name }).IsUnique();
        builder.HasOne(g => g.Community).WithMany(c => c.Grids).HasForeignKey(g => g.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

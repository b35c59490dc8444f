namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.Address).HasMaxLength(FieldLengths.Address);
        builder.Property(c => c.PartyBranchName).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(c => new { c.CommunityId, c.Name }).IsUnique();
        builder.HasOne(c => c.Community).WithMany(c => c.Compounds).HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

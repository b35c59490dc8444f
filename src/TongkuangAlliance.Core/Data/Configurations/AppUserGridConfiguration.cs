using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class AppUserGridConfiguration : IEntityTypeConfiguration<AppUserGrid>
{
    public void Configure(EntityTypeBuilder<AppUserGrid> builder)
    {
        builder.ToTable("AppUserGrids");
        builder.Property(l => l.UserId).HasMaxLength(FieldLengths.UserId);
        builder.HasIndex(l => new { l.UserId, l.GridId }).IsUnique();
        builder.HasOne<AppUser>().WithMany(u => u.GridLinks).HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Grid).WithMany().HasForeignKey(l => l.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}

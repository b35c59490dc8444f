using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<SubDistrict>().WithMany().HasForeignKey(u => u.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(u => u.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MemberUnit>().WithMany().HasForeignKey(u => u.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
        // One account per party member.
        builder.HasOne<PartyMember>().WithMany().HasForeignKey(u => u.PartyMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PartyMemberId).IsUnique();
    }
}

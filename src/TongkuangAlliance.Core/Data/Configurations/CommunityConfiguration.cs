namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.PartyCommitteeName).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.SecretaryName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(c => c.OfficePhone).HasMaxLength(FieldLengths.Phone);
        builder.Property(c => c.Address).HasMaxLength(FieldLengths.Address);
        builder.Property(c => c.RobotWebhookUrl).HasMaxLength(Notifications.Delivery.RobotAddress.MaxLength);
        builder.Property(c => c.RobotSecretProtected).HasMaxLength(1000);
        builder.HasIndex(c => new { c.SubDistrictId, c.Name }).IsUnique();
        builder.HasOne(c => c.SubDistrict).WithMany(s => s.Communities).HasForeignKey(c => c.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class MemberUnitConfiguration : IEntityTypeConfiguration<MemberUnit>
{
    public void Configure(EntityTypeBuilder<MemberUnit> builder)
    {
        builder.ConfigureAudit();
        builder.Property(u => u.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(u => u.PartyOrganisationName).HasMaxLength(FieldLengths.Name);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.OwnsContact(u => u.Contact, "Contact");
        builder.Property(u => u.RobotWebhookUrl).HasMaxLength(Notifications.Delivery.RobotAddress.MaxLength);
        builder.Property(u => u.RobotSecretProtected).HasMaxLength(1000);
        builder.HasIndex(u => new { u.SubDistrictId, u.Name }).IsUnique();
        builder.HasOne(u => u.SubDistrict).WithMany(s => s.MemberUnits).HasForeignKey(u => u.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

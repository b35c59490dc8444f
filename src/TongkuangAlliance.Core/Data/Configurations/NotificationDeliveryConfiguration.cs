using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(d => d.Address).HasMaxLength(256);
        builder.Property(d => d.LastError).HasMaxLength(NotificationDelivery.MaxErrorLength);
        builder.Property(d => d.LeaseOwner).HasMaxLength(100);
        builder.HasOne(d => d.Notification).WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(d => d.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MemberUnit>().WithMany().HasForeignKey(d => d.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubDistrict>().WithMany().HasForeignKey(d => d.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's claim: due pending ones (and expired leases), oldest first.
        builder.HasIndex(d => new { d.Status, d.NextAttemptUtc });
        // The daily cap counts one address's sends of a day; the log pages a sub-district's newest first.
        builder.HasIndex(d => new { d.Channel, d.Address, d.SentAtUtc });
        builder.HasIndex(d => new { d.SubDistrictId, d.Id });
        builder.HasIndex(d => d.NotificationId);
    }
}

internal sealed class NotificationDeliveryAttemptConfiguration : IEntityTypeConfiguration<NotificationDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryAttempt> builder)
    {
        builder.Property(a => a.Error).HasMaxLength(NotificationDelivery.MaxErrorLength);
        builder.HasIndex(a => new { a.DeliveryId, a.AtUtc });
    }
}

internal sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> builder)
    {
        builder.HasKey(o => new { o.UserId, o.Kind, o.Channel });
        builder.Property(o => o.UserId).HasMaxLength(FieldLengths.UserId);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

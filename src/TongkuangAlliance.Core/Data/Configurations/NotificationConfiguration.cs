namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Parameters).HasMaxLength(NotificationParameters.MaxColumnLength);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cases.AgreementTerm>().WithMany().HasForeignKey(n => n.AgreementTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Joint.ActionItem>().WithMany().HasForeignKey(n => n.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activities.Activity>().WithMany().HasForeignKey(n => n.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NotificationDigest>().WithMany().HasForeignKey(n => n.DigestId).OnDelete(DeleteBehavior.Restrict);
        // Exactly one record: a case, a term, an action item, an activity or a digest.
        builder.ToTable(t => t.HasCheckConstraint("CK_Notifications_OneSubject",
            "(CASE WHEN \"CaseId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AgreementTermId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ActionItemId\" IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN \"ActivityId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DigestId\" IS NULL THEN 0 ELSE 1 END) = 1"));
        // The bell counts a user's unread ones; the inbox pages a user's newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.UserId, n.Id });
    }
}

internal sealed class ScheduledReminderConfiguration : IEntityTypeConfiguration<ScheduledReminder>
{
    public void Configure(EntityTypeBuilder<ScheduledReminder> builder)
    {
        builder.Property(r => r.Rule).HasMaxLength(ScheduledReminder.MaxKeyLength);
        builder.Property(r => r.RecordKey).HasMaxLength(ScheduledReminder.MaxKeyLength);
        // What makes every job idempotent: one row per rule, record and day, whichever instance got there first.
        builder.HasIndex(r => new { r.Rule, r.RecordKey, r.Day }).IsUnique();
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.Property(d => d.Figures).HasMaxLength(NotificationDigest.MaxFiguresLength);
        builder.HasOne<Structure.SubDistrict>().WithMany().HasForeignKey(d => d.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure.MemberUnit>().WithMany().HasForeignKey(d => d.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

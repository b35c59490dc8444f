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
        // Exactly one record: a case, a term or an action item.
        builder.ToTable(t => t.HasCheckConstraint("CK_Notifications_OneSubject",
            "(CASE WHEN \"CaseId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AgreementTermId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ActionItemId\" IS NULL THEN 0 ELSE 1 END) = 1"));
        // The bell counts a user's unread ones; the inbox pages a user's newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.UserId, n.Id });
    }
}

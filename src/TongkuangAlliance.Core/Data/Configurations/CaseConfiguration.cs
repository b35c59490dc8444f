using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>Cases: enums by name, the unique number, and the indexes behind the case list's filters and queues.</summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public const int EnumLength = 30;

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ConfigureAudit();
        // A case is only ever saved with its number (CaseNumbers.SaveNewCaseAsync).
        builder.ToTable(t => t.HasCheckConstraint("CK_Cases_Number", "\"Number\" <> ''"));
        builder.Property(c => c.Number).HasMaxLength(FieldLengths.CaseNumber);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.CloseKind).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.ReporterName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(c => c.ReporterPhone).HasMaxLength(FieldLengths.Phone);
        builder.Property(c => c.Title).HasMaxLength(FieldLengths.Title);
        builder.Property(c => c.Description).HasMaxLength(FieldLengths.Description);
        builder.Property(c => c.HandlerUserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(c => c.ResolutionNote).HasMaxLength(FieldLengths.Note);
        builder.Property(c => c.EscalationReason).HasMaxLength(FieldLengths.Reason);
        builder.Property(c => c.CloseReason).HasMaxLength(FieldLengths.Reason);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.IsUnresolved);

        builder.HasIndex(c => c.Number).IsUnique();
        // Covering for the dashboards' open and overdue counts per community (and a prefix for the lists' filters).
        builder.HasIndex(c => new { c.CommunityId, c.Status, c.AcceptDueAtUtc, c.ResolveDueAtUtc });
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.RegisteredAtUtc);
        builder.HasIndex(c => c.ResolveDueAtUtc);
        builder.HasIndex(c => c.UpdateDueAtUtc);
        builder.HasIndex(c => c.HandlerUserId);
        builder.HasIndex(c => c.CategoryId);
        builder.HasIndex(c => c.IsEscalated);
        // The dashboards count resolutions and registrations per period and community (issue 6, city scale): covering
        // indexes, so that a year's 40,000 cases are counted from the index without reading the table.
        builder.HasIndex(c => c.ResolvedAtUtc);
        builder.HasIndex(c => new { c.CommunityId, c.ResolvedAtUtc, c.Kind, c.ResolvedMonth, c.ResolvedDay, c.RegisteredDay, c.EscalatedAtUtc })
            .HasDatabaseName("IX_Cases_Dashboard_Resolved");
        builder.HasIndex(c => new { c.CommunityId, c.RegisteredAtUtc, c.ResolvedAtUtc });

        builder.HasOne(c => c.Community).WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Compound).WithMany().HasForeignKey(c => c.CompoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Building).WithMany().HasForeignKey(c => c.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Grid).WithMany().HasForeignKey(c => c.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Handler).WithMany().HasForeignKey(c => c.HandlerUserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Parties).WithOne(p => p.Case).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Sessions).WithOne(s => s.Case).HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Terms).WithOne(t => t.Case).HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.FollowUps).WithOne(f => f.Case).HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Parties).HasField("_parties");
        builder.Navigation(c => c.Sessions).HasField("_sessions");
        builder.Navigation(c => c.Terms).HasField("_terms");
        builder.Navigation(c => c.FollowUps).HasField("_followUps");
        builder.Navigation(c => c.Events).HasField("_events");
    }
}

using TongkuangAlliance.Core.GridWork;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.ConfigureAudit();
        builder.Property(v => v.Place).HasMaxLength(FieldLengths.Name);
        builder.Property(v => v.Findings).HasMaxLength(FieldLengths.Note);
        builder.Property(v => v.FollowUpNote).HasMaxLength(FieldLengths.Reason);
        builder.Property(v => v.VisitorUserId).HasMaxLength(FieldLengths.UserId);
        builder.HasIndex(v => new { v.GridId, v.VisitedOn });
        builder.HasIndex(v => v.CaseId).IsUnique();
        builder.HasOne(v => v.Grid).WithMany().HasForeignKey(v => v.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Building).WithMany().HasForeignKey(v => v.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Visitor).WithMany().HasForeignKey(v => v.VisitorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Case).WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

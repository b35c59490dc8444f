using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class JointDecisionConfiguration : IEntityTypeConfiguration<JointDecision>
{
    public void Configure(EntityTypeBuilder<JointDecision> builder)
    {
        builder.ConfigureAudit();
        builder.Property(d => d.Text).HasMaxLength(FieldLengths.Reason);
        builder.HasMany(d => d.ActionItems).WithOne(a => a.Decision).HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

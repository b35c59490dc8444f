using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Core.Data.Configurations;

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(p => p.Status);
        builder.Property(p => p.EndReason).HasMaxLength(FieldLengths.Reason);
        builder.Property(p => p.Note).HasMaxLength(FieldLengths.Reason);
        builder.HasIndex(p => new { p.CommunityId, p.MemberUnitId });
        builder.HasOne(p => p.Community).WithMany(c => c.Pairings).HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.MemberUnit).WithMany(u => u.Pairings).HasForeignKey(p => p.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

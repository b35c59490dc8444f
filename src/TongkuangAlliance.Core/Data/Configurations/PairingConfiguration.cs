namespace TongkuangAlliance.Core.Data.Configurations;

/// <summary>
/// Applied by <see cref="AppDbContext.OnModelCreating"/> with the provider's name (ApplyConfigurationsFromAssembly
/// skips it: it has no parameterless constructor), because the active-pairing index's filter is SQL.
/// </summary>
internal sealed class PairingConfiguration(string? providerName) : IEntityTypeConfiguration<Pairing>
{
    /// <summary>One active pairing per unit and community: the database's own guard behind Pairing.Start's check.</summary>
    public const string ActivePairingIndex = "IX_Pairings_CommunityId_MemberUnitId_Active";

    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(p => p.Status);
        builder.Property(p => p.EndReason).HasMaxLength(FieldLengths.Reason);
        builder.Property(p => p.Note).HasMaxLength(FieldLengths.Reason);
        builder.HasIndex(p => new { p.CommunityId, p.MemberUnitId });
        // Two people pairing the same unit with the same community at once both pass the controller's check;
        // this index refuses the second. Ended pairings (EndDate set) are outside it: a unit may pair again later.
        var endDate = providerName == AppDbContext.SqlServerProvider ? "[EndDate]" : "\"EndDate\"";
        builder.HasIndex(p => new { p.CommunityId, p.MemberUnitId }, ActivePairingIndex).IsUnique().HasFilter($"{endDate} IS NULL");
        builder.HasOne(p => p.Community).WithMany(c => c.Pairings).HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.MemberUnit).WithMany(u => u.Pairings).HasForeignKey(p => p.MemberUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Core.Data;

/// <summary>
/// The portal's one database. Used directly by the features (no repository layer); provider-specific
/// migrations live in TongkuangAlliance.Migrations.&lt;Provider&gt;.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<SubDistrict> SubDistricts => Set<SubDistrict>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<MemberUnit> MemberUnits => Set<MemberUnit>();
    public DbSet<Pairing> Pairings => Set<Pairing>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

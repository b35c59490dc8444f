using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.GridWork;
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
    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseParty> CaseParties => Set<CaseParty>();
    public DbSet<MediationSession> MediationSessions => Set<MediationSession>();
    public DbSet<AgreementTerm> AgreementTerms => Set<AgreementTerm>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNumberSequence> CaseNumberSequences => Set<CaseNumberSequence>();
    public DbSet<AppUserGrid> AppUserGrids => Set<AppUserGrid>();
    public DbSet<Visit> Visits => Set<Visit>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Data.Configurations;
using TongkuangAlliance.Core.GridWork;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Data;

/// <summary>
/// The portal's one database. Used directly by the features (no repository layer); provider-specific
/// migrations live in TongkuangAlliance.Migrations.&lt;Provider&gt;.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>The SQL Server rowversion column every audited table gets there (a shadow property).</summary>
    public const string RowVersionColumn = "RowVersion";

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
    public DbSet<PairingNeed> PairingNeeds => Set<PairingNeed>();
    public DbSet<PairingResource> PairingResources => Set<PairingResource>();
    public DbSet<JointProject> JointProjects => Set<JointProject>();
    public DbSet<JointMeeting> JointMeetings => Set<JointMeeting>();
    public DbSet<JointMeetingAttendee> JointMeetingAttendees => Set<JointMeetingAttendee>();
    public DbSet<JointDecision> JointDecisions => Set<JointDecision>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<WorkUpdate> WorkUpdates => Set<WorkUpdate>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every app instance (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ServiceKind> ServiceKinds => Set<ServiceKind>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityService> ActivityServices => Set<ActivityService>();
    public DbSet<ActivityUnit> ActivityUnits => Set<ActivityUnit>();
    public DbSet<ActivityDifficulty> ActivityDifficulties => Set<ActivityDifficulty>();
    public DbSet<ActivityFeed> ActivityFeeds => Set<ActivityFeed>();
    public DbSet<AppUserGrid> AppUserGrids => Set<AppUserGrid>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<PartyMember> PartyMembers => Set<PartyMember>();
    public DbSet<ActivitySignUp> ActivitySignUps => Set<ActivitySignUp>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ScheduledReminder> ScheduledReminders => Set<ScheduledReminder>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<Notifications.Delivery.NotificationDelivery> NotificationDeliveries => Set<Notifications.Delivery.NotificationDelivery>();
    public DbSet<Notifications.Delivery.NotificationDeliveryAttempt> NotificationDeliveryAttempts => Set<Notifications.Delivery.NotificationDeliveryAttempt>();
    public DbSet<Notifications.Delivery.NotificationOptOut> NotificationOptOuts => Set<Notifications.Delivery.NotificationOptOut>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // A filtered index's filter is SQL, quoted the provider's way: this configuration is told the provider.
        builder.ApplyConfiguration(new PairingConfiguration(Database.ProviderName));

        if (Database.ProviderName == SqlServerProvider)
        {
            // On SQL Server the server itself also guards every audited row with a rowversion, so a write from
            // outside the app (a DBA's script, another tool) still makes the app's next update of it conflict.
            // The Version token the forms round-trip stays the app-level check on every provider.
            foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(AuditableEntity).IsAssignableFrom(e.ClrType) && !e.IsOwned() && e.BaseType is null))
                builder.Entity(entity.ClrType).Property<byte[]>(RowVersionColumn).IsRowVersion();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every DateTime in the model is UTC. PostgreSQL's timestamptz refuses values whose Kind is not Utc, and
        // SQLite hands them back as Unspecified; this says what they are on the way in and out.
        if (Database.ProviderName == NpgsqlProvider)
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Domain.Retention;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Persistence;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Concern> Concerns => Set<Concern>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<PlanDraft> PlanDrafts => Set<PlanDraft>();

    public DbSet<WellbeingAssessment> WellbeingAssessments => Set<WellbeingAssessment>();

    public DbSet<ConsentEntry> Consents => Set<ConsentEntry>();

    public DbSet<ConsentWithdrawal> ConsentWithdrawals => Set<ConsentWithdrawal>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<LogReview> LogReviews => Set<LogReview>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<RemovedPlanStatistics> RemovedPlanStatistics => Set<RemovedPlanStatistics>();

    public DbSet<ImplementationStep> ImplementationSteps => Set<ImplementationStep>();

    public DbSet<StepProgress> StepProgress => Set<StepProgress>();

    public DbSet<CountyMilestone> CountyMilestones => Set<CountyMilestone>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyTokens.Renew(ChangeTracker);
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyTokens.Renew(ChangeTracker);
        if (Database.CurrentTransaction is not null)
        {
            // The transaction's owner holds the write gate (BeginWriteAsync).
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Begins a transaction that writes (Microsoft.Data.Sqlite makes it IMMEDIATE: it takes SQLite's write lock at once),
    /// after this process's other writers to the database are done (<see cref="SqliteWriteGate"/>).
    /// </summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }
}

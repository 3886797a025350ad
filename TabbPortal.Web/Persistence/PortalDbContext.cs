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
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyTokens.Renew(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.Id);
        builder.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        // One open plan per child at a time; closed plans are kept beside it.
        builder.HasIndex(p => p.ChildId).IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(PlanViewsInputValidator.TextMaxLength);
        builder.Property(p => p.ChildViews).HasMaxLength(PlanViewsInputValidator.TextMaxLength);
        builder.Property(p => p.ChildViewsMissingReason).HasMaxLength(PlanViewsInputValidator.TextMaxLength);
        builder.Property(p => p.GuardianViews).HasMaxLength(PlanViewsInputValidator.TextMaxLength);
        builder.Property(p => p.ClosedReason).HasMaxLength(1000);
        // Added to existing tables with ALTER TABLE, which needs a default for the rows already there.
        builder.Property(p => p.SummaryWithheldFromFamily).HasDefaultValue(false);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OverallResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Needs).WithOne().HasForeignKey("PlanId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Needs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Actions).WithOne().HasForeignKey("PlanId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey("PlanId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey("PlanId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersionToken();
    }
}

internal sealed class PlanNeedConfiguration : IEntityTypeConfiguration<PlanNeed>
{
    public void Configure(EntityTypeBuilder<PlanNeed> builder)
    {
        builder.ToTable("PlanNeeds");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Description).HasMaxLength(ActionInputValidator.TextMaxLength).IsRequired();
        builder.Property(n => n.WithheldFromFamily).HasDefaultValue(false);
        builder.HasMany(n => n.Goals).WithOne().HasForeignKey("NeedId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.ToTable("PlanGoals");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Description).HasMaxLength(ActionInputValidator.TextMaxLength).IsRequired();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("PlanActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(ActionInputValidator.TextMaxLength).IsRequired();
        builder.Property(a => a.ResponsiblePerson).HasMaxLength(200);
        builder.Property(a => a.DesiredOutcome).HasMaxLength(ActionInputValidator.TextMaxLength).IsRequired();
        builder.Property(a => a.Evidence).HasMaxLength(ActionInputValidator.TextMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.WithheldFromFamily).HasDefaultValue(false);
        builder.HasOne<PlanNeed>().WithMany().HasForeignKey(a => a.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(a => a.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        // Each action has its own token: two people editing different actions never conflict; the same action does.
        builder.HasVersionToken();
    }
}

internal sealed class PlanParticipantConfiguration : IEntityTypeConfiguration<PlanParticipant>
{
    public void Configure(EntityTypeBuilder<PlanParticipant> builder)
    {
        builder.ToTable("PlanParticipants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ContactUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.ContactName).HasMaxLength(200).IsRequired();
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex("PlanId", nameof(PlanParticipant.UnitId)).IsUnique();
    }
}

internal sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.ToTable("PlanReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.HeldByName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Notes).HasMaxLength(PlanViewsInputValidator.TextMaxLength);
        builder.HasMany(r => r.Goals).WithOne().HasForeignKey("ReviewId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GoalAssessmentConfiguration : IEntityTypeConfiguration<GoalAssessment>
{
    public void Configure(EntityTypeBuilder<GoalAssessment> builder)
    {
        builder.ToTable("PlanReviewGoals");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.GoalDescription).HasMaxLength(ActionInputValidator.TextMaxLength).IsRequired();
        builder.Property(g => g.Judgement).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> builder)
    {
        builder.ToTable("PlanChanges");
        builder.HasKey(c => c.Id);
        builder.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PlanId, c.At });
        builder.Property(c => c.Part).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(200);
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.UserName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.At).HasConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("PlanVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        builder.Property(v => v.FixedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(v => v.FixedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(v => v.FixedByName).HasMaxLength(200).IsRequired();
        // A fixed version is written once and never changed, so its parts are stored whole, as JSON.
        builder.Property(v => v.Attendees).StoredAsJson<IReadOnlyList<Attendee>>(() => []);
        builder.Property(v => v.Snapshot).StoredAsJson(() => throw new InvalidOperationException("A fixed version without its snapshot."));
    }
}

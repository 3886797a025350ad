using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Children;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class WellbeingAssessmentConfiguration : IEntityTypeConfiguration<WellbeingAssessment>
{
    public void Configure(EntityTypeBuilder<WellbeingAssessment> builder)
    {
        builder.ToTable("WellbeingAssessments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ChildId, a.AssessedOn });
        builder.Property(a => a.Perspective).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.GuardianName).HasMaxLength(200);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.RecordedByName).HasMaxLength(200).IsRequired();
        builder.OwnsOne(a => a.MyWorld, world =>
        {
            world.Property(w => w.GrowingStrengths).HasColumnName("MyWorldGrowingStrengths").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            world.Property(w => w.GrowingConcerns).HasColumnName("MyWorldGrowingConcerns").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            world.Property(w => w.CareStrengths).HasColumnName("MyWorldCareStrengths").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            world.Property(w => w.CareConcerns).HasColumnName("MyWorldCareConcerns").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            world.Property(w => w.WorldStrengths).HasColumnName("MyWorldWorldStrengths").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            world.Property(w => w.WorldConcerns).HasColumnName("MyWorldWorldConcerns").HasMaxLength(AssessmentInputValidator.TextMaxLength);
        });
        builder.Navigation(a => a.MyWorld).IsRequired();
        builder.OwnsOne(a => a.Resilience, matrix =>
        {
            matrix.Property(m => m.Resilience).HasColumnName("ResilienceResilience").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            matrix.Property(m => m.Vulnerability).HasColumnName("ResilienceVulnerability").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            matrix.Property(m => m.ProtectiveEnvironment).HasColumnName("ResilienceProtective").HasMaxLength(AssessmentInputValidator.TextMaxLength);
            matrix.Property(m => m.Adversity).HasColumnName("ResilienceAdversity").HasMaxLength(AssessmentInputValidator.TextMaxLength);
        });
        builder.Navigation(a => a.Resilience).IsRequired();
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class WellbeingRatingConfiguration : IEntityTypeConfiguration<WellbeingRating>
{
    public void Configure(EntityTypeBuilder<WellbeingRating> builder)
    {
        builder.ToTable("WellbeingRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Indicator).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(AssessmentInputValidator.TextMaxLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class ImplementationStepConfiguration : IEntityTypeConfiguration<ImplementationStep>
{
    public void Configure(EntityTypeBuilder<ImplementationStep> builder)
    {
        builder.ToTable("ImplementationSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(ImplementationStep.NameMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(ImplementationStep.DescriptionMaxLength);
        builder.Property(s => s.Scope).HasConversion<string>().HasMaxLength(20);
        builder.HasVersionToken();
    }
}

internal sealed class StepProgressConfiguration : IEntityTypeConfiguration<StepProgress>
{
    public void Configure(EntityTypeBuilder<StepProgress> builder)
    {
        builder.ToTable("StepProgress");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<ImplementationStep>().WithMany().HasForeignKey(p => p.StepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
        // One row per organisation and step, or per unit and step; SQLite treats NULLs as distinct, hence two filtered indexes.
        builder.HasIndex(p => new { p.OrganisationId, p.StepId }).IsUnique().HasFilter("\"UnitId\" IS NULL")
            .HasDatabaseName("IX_StepProgress_OrganisationId_StepId");
        builder.HasIndex(p => new { p.OrganisationId, p.StepId, p.UnitId }).IsUnique().HasFilter("\"UnitId\" IS NOT NULL")
            .HasDatabaseName("IX_StepProgress_OrganisationId_StepId_UnitId");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ResponsiblePerson).HasMaxLength(StepProgress.ResponsibleMaxLength);
        builder.Property(p => p.Evidence).HasMaxLength(StepProgress.EvidenceMaxLength);
        builder.Property(p => p.LastChangedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.HasMany(p => p.History).WithOne().HasForeignKey(c => c.ProgressId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersionToken();
    }
}

internal sealed class StepProgressChangeConfiguration : IEntityTypeConfiguration<StepProgressChange>
{
    public void Configure(EntityTypeBuilder<StepProgressChange> builder)
    {
        builder.ToTable("StepProgressChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.ChangedAt);
        builder.Property(c => c.ChangedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ChangedByName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(StepProgress.NoteMaxLength);
    }
}

internal sealed class CountyMilestoneConfiguration : IEntityTypeConfiguration<CountyMilestone>
{
    public void Configure(EntityTypeBuilder<CountyMilestone> builder)
    {
        builder.ToTable("CountyMilestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Code).HasMaxLength(60).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(CountyMilestone.TitleMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(1000);
        builder.Property(m => m.Rule).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.SetStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Note).HasMaxLength(CountyMilestone.NoteMaxLength);
        builder.Property(m => m.ChangedByName).HasMaxLength(200);
        builder.Property(m => m.ChangedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Ignore(m => m.CanBeDerived);
        builder.HasVersionToken();
    }
}

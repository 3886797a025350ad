using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        // One open meeting per plan at a time.
        builder.HasIndex(m => m.PlanId).IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength);
        builder.Property(m => m.Notes).HasMaxLength(Meeting.NotesMaxLength);
        builder.Property(m => m.StartedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(m => m.EndedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(m => m.StartedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.StartedByName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Attendees).StoredAsJson<IReadOnlyList<Attendee>>(() => []);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey("MeetingId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersionToken();
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("MeetingDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Text).HasMaxLength(Meeting.DecisionMaxLength).IsRequired();
        builder.Property(d => d.RecordedByName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.RecordedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PlanDraftConfiguration : IEntityTypeConfiguration<PlanDraft>
{
    public void Configure(EntityTypeBuilder<PlanDraft> builder)
    {
        builder.ToTable("PlanDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Plan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.UserId, d.PlanId, d.Field }).IsUnique();
        builder.Property(d => d.UserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.Field).HasMaxLength(PlanDraft.FieldMaxLength).IsRequired();
        builder.Property(d => d.Value).HasMaxLength(PlanDraft.ValueMaxLength).IsRequired();
        builder.Property(d => d.SavedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class ConsentEntryConfiguration : IEntityTypeConfiguration<ConsentEntry>
{
    public void Configure(EntityTypeBuilder<ConsentEntry> builder)
    {
        builder.ToTable("Consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ChildId);
        builder.Property(c => c.Giver).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.GiverName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Purpose).HasMaxLength(ConsentInputValidator.PurposeMaxLength).IsRequired();
        builder.Property(c => c.Form).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DocumentedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.DocumentedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.DocumentedByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.RecordedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class ConsentWithdrawalConfiguration : IEntityTypeConfiguration<ConsentWithdrawal>
{
    public void Configure(EntityTypeBuilder<ConsentWithdrawal> builder)
    {
        builder.ToTable("ConsentWithdrawals");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasOne<ConsentEntry>().WithMany().HasForeignKey(w => w.ConsentId).OnDelete(DeleteBehavior.Cascade);
        // One withdrawal per entry: a second one would be a second truth about when it ended.
        builder.HasIndex(w => w.ConsentId).IsUnique();
        builder.HasIndex(w => w.ChildId);
        builder.Property(w => w.WithdrawnBy).HasMaxLength(200).IsRequired();
        builder.Property(w => w.Note).HasMaxLength(1000);
        builder.Property(w => w.WithdrawnAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(w => w.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(w => w.RecordedByName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.ToTable("EmergencyAccesses");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ChildId, e.UserId });
        builder.HasIndex(e => e.ReviewedAt);
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(200).IsRequired();
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Reason).HasMaxLength(EmergencyAccessInputValidator.ReasonMaxLength).IsRequired();
        builder.Property(e => e.GrantedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(e => e.ExpiresAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(e => e.ReviewedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(e => e.ReviewedByUserId).HasMaxLength(450);
        builder.Property(e => e.ReviewedByName).HasMaxLength(200);
        builder.Property(e => e.ReviewConclusion).HasMaxLength(2000);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Audit;

namespace TabbPortal.Web.Persistence.Configurations;

/// <summary>
/// The access log (ADR-008). The sequence number is the row id, given by the writer, not by SQLite, because it is part of
/// the hash. The time is stored as UTC ticks so it reads back to the tick that was hashed. No foreign key to the child:
/// the log outlives the child's data (retention). Triggers in the migration refuse UPDATE and DELETE.
/// </summary>
internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.At).HasConversion(at => at.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Role).HasMaxLength(50).IsRequired();
        builder.Property(e => e.Agency).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Part).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Basis).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.BasisReference).HasMaxLength(1000);
        builder.Property(e => e.SessionId).HasMaxLength(100);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.Ignore(e => e.Link);
        builder.HasIndex(e => new { e.ChildId, e.Id });
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.UnitId, e.Id });
        builder.HasIndex(e => e.At);
    }
}

internal sealed class LogReviewConfiguration : IEntityTypeConfiguration<LogReview>
{
    public void Configure(EntityTypeBuilder<LogReview> builder)
    {
        builder.ToTable("LogReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReviewerUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ReviewerName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ReviewedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(r => r.SampleEntryIds).StoredAsJson<IReadOnlyList<long>>(() => []);
        builder.Property(r => r.Conclusion).HasMaxLength(LogReview.ConclusionMaxLength).IsRequired();
        builder.HasIndex(r => r.ReviewedAt);
    }
}

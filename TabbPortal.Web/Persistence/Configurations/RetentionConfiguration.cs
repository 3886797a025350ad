using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Retention;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.At);
        builder.Property(r => r.At).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(r => r.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ByName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Rule).HasMaxLength(200).IsRequired();
        // The removed children by id only, kept whole with the receipt (no foreign key: the children are gone).
        builder.Property(r => r.ChildIds).StoredAsJson<IReadOnlyList<Guid>>(() => []);
    }
}

internal sealed class RemovedPlanStatisticsConfiguration : IEntityTypeConfiguration<RemovedPlanStatistics>
{
    public void Configure(EntityTypeBuilder<RemovedPlanStatistics> builder)
    {
        builder.ToTable("RemovedPlanStatistics");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PlanType).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.HighestSupportLevel).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.MunicipalityId, s.ClosedMonth });
    }
}

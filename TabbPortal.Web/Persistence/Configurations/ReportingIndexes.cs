using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;

namespace TabbPortal.Web.Persistence.Configurations;

// Covering indexes for the process leaders' indicator queries (Indicators/IndicatorService), kept apart from the
// entities' own configurations because they serve the reports, not the entities. Measured with the county-sized data
// set (benchmarks/reports): each lets SQLite answer a join from the index alone instead of reading the wide rows.

internal sealed class ChildReportingIndexes : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder) => builder.HasIndex(c => new { c.Id, c.MunicipalityId });
}

internal sealed class SupportLevelReportingIndexes : IEntityTypeConfiguration<SupportLevelPeriod>
{
    public void Configure(EntityTypeBuilder<SupportLevelPeriod> builder) =>
        builder.HasIndex("ChildId", nameof(SupportLevelPeriod.From), nameof(SupportLevelPeriod.To), nameof(SupportLevelPeriod.Level));
}

internal sealed class PlanActionReportingIndexes : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder) =>
        builder.HasIndex("PlanId", nameof(PlanAction.StartOn), nameof(PlanAction.DueOn), nameof(PlanAction.Status), nameof(PlanAction.ResponsibleUnitId));
}

internal sealed class PlanReviewReportingIndexes : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder) => builder.HasIndex("PlanId", nameof(PlanReview.HeldOn));
}

internal sealed class MeetingReportingIndexes : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder) => builder.HasIndex(m => new { m.PlanId, m.HeldOn });
}

internal sealed class ConcernReportingIndexes : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder) => builder.HasIndex(c => new { c.ChildId, c.RaisedAt });
}

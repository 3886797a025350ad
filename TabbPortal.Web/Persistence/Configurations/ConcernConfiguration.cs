using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.ToTable("Concerns");
        builder.HasKey(c => c.Id);
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ChildId);
        builder.Property(c => c.RaisedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.RaisedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.RaisedByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.RaisedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(c => c.WhatIsInTheWay).HasMaxLength(ConcernInputValidator.AnswerMaxLength).IsRequired();
        builder.Property(c => c.InformationNeeded).HasMaxLength(ConcernInputValidator.AnswerMaxLength);
        builder.Property(c => c.WhatICanDo).HasMaxLength(ConcernInputValidator.AnswerMaxLength);
        builder.Property(c => c.WhatMyAgencyCanDo).HasMaxLength(ConcernInputValidator.AnswerMaxLength);
        builder.Property(c => c.HelpNeededFromOthers).HasMaxLength(ConcernInputValidator.AnswerMaxLength);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.HandOverToUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.HandOverToUnitId);
        builder.Property(c => c.ReportedByUserId).HasMaxLength(450);
        builder.Property(c => c.ReportedByName).HasMaxLength(200);
    }
}

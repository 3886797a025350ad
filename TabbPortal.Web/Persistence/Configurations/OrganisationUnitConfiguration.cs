using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(UnitInputValidator.NameMaxLength).UseCollation("NOCASE").IsRequired();
        builder.HasIndex(u => new { u.OrganisationId, u.Name }).IsUnique();
        builder.Property(u => u.Type).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(u => u.Sector);
        builder.Property(u => u.Municipality).HasMaxLength(100);
        builder.HasVersionToken();
    }
}

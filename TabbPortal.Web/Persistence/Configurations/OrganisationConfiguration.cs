using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(OrganisationInputValidator.NameMaxLength).UseCollation("NOCASE").IsRequired();
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.SubRegion).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(o => o.Units).WithOne().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.Units).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersionToken();
    }
}

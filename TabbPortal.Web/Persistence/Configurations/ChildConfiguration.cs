using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Persistence.Configurations;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        builder.ToTable("Children");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.GivenName).HasMaxLength(ChildInputValidator.NameMaxLength).IsRequired();
        builder.Property(c => c.FamilyName).HasMaxLength(ChildInputValidator.NameMaxLength).IsRequired();
        builder.Property(c => c.PersonalIdentityNumber)
            .HasConversion(number => number.Value, value => PersonalIdentityNumber.FromCanonical(value))
            .HasMaxLength(12)
            .IsRequired();
        builder.HasIndex(c => c.PersonalIdentityNumber).IsUnique();
        builder.Property(c => c.RegisteredByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.RegisteredAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.SchoolUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(c => c.RegisteredByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.FamilyName);
        builder.Ignore(c => c.FullName);
        builder.Ignore(c => c.CurrentSupportLevel);

        builder.HasMany(c => c.Guardians).WithOne().HasForeignKey("ChildId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Guardians).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.SupportLevels).WithOne().HasForeignKey("ChildId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SupportLevels).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Roles).WithOne().HasForeignKey("ChildId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Roles).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersionToken();

        // Renewed by database triggers whenever anything the access rule reads about the child changes (ADR-011); the
        // application never writes it.
        builder.Property<long>(AccessStamp.PropertyName).HasDefaultValue(0L).ValueGeneratedOnAdd();
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> builder)
    {
        builder.ToTable("Guardians");
        builder.HasKey(g => g.Id);
        // Ids are made by the domain; without this EF would take a new guardian with an id for an existing row.
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.Property(g => g.Relationship).HasMaxLength(50);
        builder.Property(g => g.Phone).HasMaxLength(30);
        builder.Property(g => g.Email).HasMaxLength(254);
    }
}

internal sealed class SupportLevelPeriodConfiguration : IEntityTypeConfiguration<SupportLevelPeriod>
{
    public void Configure(EntityTypeBuilder<SupportLevelPeriod> builder)
    {
        builder.ToTable("ChildSupportLevels");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DecidedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.Reason).HasMaxLength(1000);
        builder.Ignore(p => p.IsCurrent);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("ChildRoleAssignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StaffUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.StaffName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.HandoverNote).HasMaxLength(1000);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.StaffUserId);
    }
}

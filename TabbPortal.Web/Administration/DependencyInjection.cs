using FluentValidation;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Administration;

public static class DependencyInjection
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<IOrganisationDirectory, EfOrganisationDirectory>();
        services.AddScoped<IValidator<OrganisationInput>, OrganisationInputValidator>();
        services.AddScoped<IValidator<UnitInput>, UnitInputValidator>();
        services.AddScoped<IValidator<StaffAccountInput>, StaffAccountInputValidator>();
        services.AddScoped<OrganisationAdminService>();
        services.AddScoped<StaffAccountAdminService>();
        return services;
    }
}

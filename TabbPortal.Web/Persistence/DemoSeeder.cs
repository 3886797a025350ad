using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// Invented demo data: Sörmland's real organisations with invented units and invented people. Runs only in
/// Development or when Demo:Seed is true. The demo password comes from Demo:Password or is made anew at every
/// start, and is printed to the console, never shown in the UI.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> contextFactory,
    UserManager<PortalUser> userManager,
    IConfiguration configuration,
    TimeProvider clock)
{
    private static readonly (string Name, SubRegion SubRegion, string School, string Preschool)[] Municipalities =
    [
        ("Eskilstuna kommun", SubRegion.North, "Ekbackeskolan", "Förskolan Humlan"),
        ("Strängnäs kommun", SubRegion.North, "Lönnskolan", "Förskolan Ugglan"),
        ("Flen kommun", SubRegion.West, "Ekskolan", "Förskolan Myran"),
        ("Katrineholm kommun", SubRegion.West, "Björkskolan", "Förskolan Snäckan"),
        ("Vingåker kommun", SubRegion.West, "Almskolan", "Förskolan Sländan"),
        ("Nyköping kommun", SubRegion.South, "Lindskolan", "Förskolan Fjärilen"),
        ("Oxelösund kommun", SubRegion.South, "Havsskolan", "Förskolan Måsen"),
        ("Trosa kommun", SubRegion.South, "Aspskolan", "Förskolan Ekorren"),
        ("Gnesta kommun", SubRegion.South, "Granskolan", "Förskolan Bävern"),
    ];

    public const string DemoEmailDomain = "demo.example";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("karin.ek@" + DemoEmailDomain, "Karin Ek", "Rektor", PortalRoles.Practitioner, "Flen kommun", "Ekskolan"),
        new("omar.haddad@" + DemoEmailDomain, "Omar Haddad", "Lärare", PortalRoles.Practitioner, "Flen kommun", "Ekskolan"),
        new("lina.berg@" + DemoEmailDomain, "Lina Berg", "Skolkurator", PortalRoles.Practitioner, "Flen kommun", "Flen kommun elevhälsa"),
        new("sara.holm@" + DemoEmailDomain, "Sara Holm", "Socialsekreterare", PortalRoles.Practitioner, "Flen kommun", "Flen kommun socialtjänst, barn och unga"),
        new("maria.lund@" + DemoEmailDomain, "Maria Lund", "BVC-sjuksköterska", PortalRoles.Practitioner, "Region Sörmland", "BVC Flen"),
        new("jonas.nyberg@" + DemoEmailDomain, "Jonas Nyberg", "Psykolog", PortalRoles.Practitioner, "Region Sörmland", "BUP Sörmland"),
        new("eva.strand@" + DemoEmailDomain, "Eva Strand", "Processledare", PortalRoles.ProcessLeader, null, null),
        new("nils.dahl@" + DemoEmailDomain, "Nils Dahl", "Systemadministratör", PortalRoles.Administrator, null, null),
        new("ulla.wik@" + DemoEmailDomain, "Ulla Wik", "Informationssäkerhetssamordnare", PortalRoles.LogReviewer, null, null),
    ];

    public string? Password { get; private set; }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedOrganisationsAsync(cancellationToken);
        Password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : MakePassword();
        if (!PasswordPolicy.IsStrongEnough(Password))
        {
            throw new InvalidOperationException("Demo:Password does not meet the password policy.");
        }

        await SeedAccountsAsync(Password, cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await DemoChildren.SeedAsync(context, clock.GetLocalNow(), cancellationToken);
        await TabbPortal.Web.Implementation.DemoImplementation.SeedAsync(context, clock.GetUtcNow(), cancellationToken);
    }

    private async Task SeedOrganisationsAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await context.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (name, subRegion, school, preschool) in Municipalities)
        {
            var municipality = Organisation.Create(name, OrganisationKind.Municipality, subRegion);
            context.Organisations.Add(municipality);
            var place = name.Replace(" kommun", string.Empty, StringComparison.Ordinal);
            context.Units.AddRange(
                OrganisationUnit.Create(municipality, school, UnitType.School, place),
                OrganisationUnit.Create(municipality, preschool, UnitType.Preschool, place),
                OrganisationUnit.Create(municipality, $"{name} elevhälsa", UnitType.StudentHealth, place),
                OrganisationUnit.Create(municipality, $"{name} socialtjänst, barn och unga", UnitType.SocialServices, place),
                OrganisationUnit.Create(municipality, $"{name} KAA, ungdomsinsatser", UnitType.YouthActivity, place));
        }

        var region = Organisation.Create("Region Sörmland", OrganisationKind.Region, null);
        context.Organisations.Add(region);
        context.Units.Add(OrganisationUnit.Create(region, "BUP Sörmland", UnitType.ChildAndAdolescentPsychiatry, null));
        foreach (var (name, _, _, _) in Municipalities)
        {
            var place = name.Replace(" kommun", string.Empty, StringComparison.Ordinal);
            context.Units.AddRange(
                OrganisationUnit.Create(region, $"BVC {place}", UnitType.ChildHealthCentre, place),
                OrganisationUnit.Create(region, $"Vårdcentralen {place}", UnitType.PrimaryCare, place),
                OrganisationUnit.Create(region, $"Barnmorskemottagningen {place}", UnitType.MaternityCare, place));
        }

        var friskola = Organisation.Create("Framtidsskolan i Sörmland AB", OrganisationKind.IndependentSchoolProvider, SubRegion.South);
        var forskola = Organisation.Create("Föräldrakooperativet Lärkan ekonomisk förening", OrganisationKind.IndependentSchoolProvider, SubRegion.North);
        context.Organisations.AddRange(friskola, forskola);
        context.Units.AddRange(
            OrganisationUnit.Create(friskola, "Framtidsskolan Nyköping", UnitType.School, "Nyköping"),
            OrganisationUnit.Create(friskola, "Framtidsskolan elevhälsa", UnitType.StudentHealth, "Nyköping"),
            OrganisationUnit.Create(forskola, "Förskolan Lärkan", UnitType.Preschool, "Eskilstuna"));

        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedAccountsAsync(string password, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await context.Units
            .Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Name, Organisation = o.Name })
            .ToListAsync(cancellationToken);

        foreach (var account in Accounts)
        {
            var unitId = account.UnitName is null
                ? (Guid?)null
                : units.Single(u => u.Organisation == account.OrganisationName && u.Name == account.UnitName).Id;
            var user = await userManager.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new PortalUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    DisplayName = account.DisplayName,
                    Title = account.Title,
                    UnitId = unitId,
                };
                Check(await userManager.CreateAsync(user, password));
                Check(await userManager.AddToRoleAsync(user, account.Role));
            }
            else
            {
                Check(await userManager.RemovePasswordAsync(user));
                Check(await userManager.AddPasswordAsync(user, password));
                await userManager.SetLockoutEndDateAsync(user, null);
                await userManager.ResetAccessFailedCountAsync(user);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static string MakePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz";
        var groups = Enumerable.Range(0, 3)
            .Select(_ => new string(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return "Tabb-" + string.Join('-', groups) + "-" + RandomNumberGenerator.GetInt32(10, 100);
    }
}

public sealed record DemoAccount(string Email, string DisplayName, string Title, string Role, string? OrganisationName, string? UnitName);

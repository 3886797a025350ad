using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Tests.Integration.Consent;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Children;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>
/// <see cref="ChildService"/> as one signed-in user, in a DI scope of its own: the authentication state is set on the
/// scope's <see cref="AuthenticationStateProvider"/> the way Blazor sets it for a circuit. A new session is a new
/// "circuit", so nothing is carried over from an earlier one.
/// </summary>
internal sealed class ChildServiceSession : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ChildServiceSession(AsyncServiceScope scope, PortalUser user, ChildService children, CurrentUser currentUser)
    {
        _scope = scope;
        User = user;
        Children = children;
        CurrentUser = currentUser;
    }

    public PortalUser User { get; }

    public ChildService Children { get; }

    /// <summary>The scope's view of the signed-in user, as <see cref="ChildService"/> gets it.</summary>
    public CurrentUser CurrentUser { get; }

    public static async Task<ChildServiceSession> StartAsync(PortalFactory factory, string email)
    {
        var (scope, user) = await SignedInScope.StartAsync(factory, email);
        return new ChildServiceSession(scope, user, scope.ServiceProvider.GetRequiredService<ChildService>(), scope.ServiceProvider.GetRequiredService<CurrentUser>());
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

internal static class ChildTestExtensions
{
    /// <summary>Runs <paramref name="action"/> on <see cref="ChildService"/> as <paramref name="email"/>, in a scope of its own.</summary>
    public static async Task<T> AsAsync<T>(this PortalFactory factory, string email, Func<ChildService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var session = await ChildServiceSession.StartAsync(factory, email);
        return await action(session.Children);
    }

    /// <summary>The child as <paramref name="email"/> sees it, read in a scope of its own; fails if the user may not see it.</summary>
    public static async Task<ChildDetails> ReloadAsync(this PortalFactory factory, string email, Guid childId)
    {
        var child = await factory.AsAsync(email, s => s.GetAsync(childId));
        Assert.True(child is not null, $"{email} could not read child {childId}.");
        return child;
    }

    public static void AssertSaved(this SaveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.Succeeded, "Expected the save to succeed, got: " + string.Join("; ", result.Errors.Select(e => $"{e.Property}/{e.Code}")));
        Assert.NotNull(result.Id);
    }

    /// <summary>The save failed with exactly this one error.</summary>
    public static void AssertFailedWith(this SaveResult result, string property, string code)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.False(result.Succeeded, $"Expected the save to fail with {property}/{code}, but it succeeded.");
        var error = Assert.Single(result.Errors);
        Assert.Equal((property, code), (error.Property, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}

/// <summary>Looks up demo data directly in the database, past the access rule, to set up and check tests.</summary>
internal static class DemoLookup
{
    public const string Karin = "karin.ek@demo.example";
    public const string Omar = "omar.haddad@demo.example";
    public const string Lina = "lina.berg@demo.example";
    public const string Sara = "sara.holm@demo.example";
    public const string Maria = "maria.lund@demo.example";
    public const string Jonas = "jonas.nyberg@demo.example";
    public const string Eva = "eva.strand@demo.example";
    public const string Nils = "nils.dahl@demo.example";

    public static async Task<Guid> ChildIdAsync(PortalFactory factory, string givenName, string familyName)
    {
        await using var context = await ContextAsync(factory);
        return await context.Children.Where(c => c.GivenName == givenName && c.FamilyName == familyName).Select(c => c.Id).SingleAsync();
    }

    public static async Task<Guid> UnitIdAsync(PortalFactory factory, string unitName)
    {
        await using var context = await ContextAsync(factory);
        return await context.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<Guid> MunicipalityIdAsync(PortalFactory factory, string name)
    {
        await using var context = await ContextAsync(factory);
        return await context.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public static async Task<string> UserIdAsync(PortalFactory factory, string email)
    {
        await using var context = await ContextAsync(factory);
        return await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> CountChildrenAsync(PortalFactory factory)
    {
        await using var context = await ContextAsync(factory);
        return await context.Children.CountAsync();
    }

    public static async Task<PortalDbContext> ContextAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
    }
}

/// <summary>An invented personal identity number with a valid check digit, in each of the shapes a person may type it.</summary>
internal sealed record TestNumber(string Canonical)
{
    private static int s_next;

    /// <summary>A number no other test in this process gets, and none of the demo children has (serial 981).</summary>
    public static TestNumber Next()
    {
        var n = Interlocked.Increment(ref s_next);
        return Of(new DateOnly(2016, 1, 1).AddDays(n), 981);
    }

    public static TestNumber Of(DateOnly born, int serial)
    {
        var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        var check = (10 - (sum % 10)) % 10;
        return new TestNumber(born.ToString("yyyy", CultureInfo.InvariantCulture) + nine[2..] + check.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>From the "YYYYMMDD-NNNN" the portal shows.</summary>
    public static TestNumber FromDisplayed(string displayed)
    {
        ArgumentNullException.ThrowIfNull(displayed);
        Assert.Matches(@"^\d{8}-\d{4}$", displayed);
        return new TestNumber(displayed.Replace("-", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>YYYYMMDDNNNN</summary>
    public string TwelveDigits => Canonical;

    /// <summary>YYYYMMDD-NNNN, the form the portal shows.</summary>
    public string TwelveWithDash => $"{Canonical[..8]}-{Canonical[8..]}";

    /// <summary>YYMMDDNNNN</summary>
    public string TenDigits => Canonical[2..];

    /// <summary>YYMMDD-NNNN</summary>
    public string TenWithDash => $"{Canonical[2..8]}-{Canonical[8..]}";

    /// <summary>One of the shapes by name: "12", "12-", "10" or "10-".</summary>
    public string In(string shape) => shape switch
    {
        "12" => TwelveDigits,
        "12-" => TwelveWithDash,
        "10" => TenDigits,
        "10-" => TenWithDash,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Use 12, 12-, 10 or 10-."),
    };
}

/// <summary>Inputs for registering a child in Flen as a test needs it.</summary>
internal static class ChildInputs
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static async Task<ChildInput> InFlenAsync(PortalFactory factory, string pin, string givenName = "Tove", string familyName = "Testsson")
    {
        return new ChildInput
        {
            GivenName = givenName,
            FamilyName = familyName,
            PersonalIdentityNumber = pin,
            MunicipalityId = await DemoLookup.MunicipalityIdAsync(factory, "Flen kommun"),
            SchoolUnitId = await DemoLookup.UnitIdAsync(factory, "Ekskolan"),
            Guardians = [new GuardianInput { Name = $"Greta {familyName}", Relationship = "mamma", Phone = "070-987 65 43" }],
        };
    }

    /// <summary>
    /// Registers a child in Flen at Ekskolan as Karin Ek and returns its id. Unless <paramref name="withConsent"/> is false,
    /// Karin then records the consent it needs for all three agencies, as the joint plan requires.
    /// </summary>
    public static async Task<Guid> RegisterInFlenAsync(PortalFactory factory, string givenName = "Tove", string familyName = "Testsson",
        bool withConsent = true)
    {
        var input = await InFlenAsync(factory, TestNumber.Next().TwelveWithDash, givenName, familyName);
        var result = await factory.AsAsync(DemoLookup.Karin, s => s.RegisterAsync(input));
        result.AssertSaved();
        if (withConsent)
        {
            await factory.GiveConsentAsync(DemoLookup.Karin, result.Id!.Value);
        }

        return result.Id!.Value;
    }
}

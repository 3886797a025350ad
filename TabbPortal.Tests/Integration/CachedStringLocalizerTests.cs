using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TabbPortal.Web.Localization;
using TabbPortal.Web.Resources;

namespace TabbPortal.Tests.Integration;

/// <summary>The portal's texts are looked up once per culture and name, and each culture keeps its own.</summary>
public sealed class CachedStringLocalizerTests
{
    [Fact]
    public void A_text_is_looked_up_once_per_culture_and_each_culture_gets_its_own()
    {
        var inner = new CountingLocalizer();
        var localizer = new CachedStringLocalizer<SharedResource>(inner);

        var swedish = InCulture("sv-SE", () => (localizer["Spara"].Value, localizer["Spara"].Value));
        var english = InCulture("en-GB", () => localizer["Spara"].Value);

        Assert.Equal(("Spara (sv-SE)", "Spara (sv-SE)"), swedish);
        Assert.Equal("Spara (en-GB)", english);
        Assert.Equal(2, inner.Lookups);
    }

    [Fact]
    public void A_text_with_arguments_is_formatted_in_the_users_culture_from_the_cached_text()
    {
        var inner = new CountingLocalizer();
        var localizer = new CachedStringLocalizer<SharedResource>(inner);

        var first = InCulture("sv-SE", () => localizer["Antal", 1.5].Value);
        var second = InCulture("sv-SE", () => localizer["Antal", 2.5].Value);

        Assert.Equal("Antal (sv-SE) 1,5", first);
        Assert.Equal("Antal (sv-SE) 2,5", second);
        Assert.Equal(1, inner.Lookups);
    }

    [Fact]
    public void The_portal_serves_its_shared_texts_through_the_cache_in_Swedish_and_English()
    {
        using var factory = new PortalFactory();
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.IsType<CachedStringLocalizer<SharedResource>>(localizer);
        Assert.Equal("Logga in med ditt konto i TabbPortal.", InCulture("sv-SE", () => localizer["Login_Intro"].Value));
        Assert.Equal("Log in with your TabbPortal account.", InCulture("en-GB", () => localizer["Login_Intro"].Value));
    }

    private static TResult InCulture<TResult>(string culture, Func<TResult> action)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private sealed class CountingLocalizer : IStringLocalizer
    {
        public int Lookups { get; private set; }

        public LocalizedString this[string name]
        {
            get
            {
                Lookups++;
                var text = name == "Antal" ? $"{name} ({CultureInfo.CurrentUICulture.Name}) {{0}}" : $"{name} ({CultureInfo.CurrentUICulture.Name})";
                return new LocalizedString(name, text);
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new NotSupportedException("The cache formats itself.");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

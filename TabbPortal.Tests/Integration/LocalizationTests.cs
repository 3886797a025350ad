using System.Net;

namespace TabbPortal.Tests.Integration;

/// <summary>Swedish by default; English when the user picks it (a cookie set by /Culture/Set).</summary>
public sealed class LocalizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_portal_speaks_Swedish_by_default()
    {
        using var browser = new PortalBrowser(factory);
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var page = await browser.GetAsync(PortalBrowser.LoginPath);

        Assert.Equal("sv", page.HtmlLang);
        Assert.Contains("<h1>Logga in</h1>", page.Text, StringComparison.Ordinal);
        Assert.Contains("Logga in med ditt konto i TabbPortal.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_is_selectable_and_sticks_through_a_cookie()
    {
        using var browser = new PortalBrowser(factory);

        var set = await browser.GetAsync("/Culture/Set?culture=en-GB&redirectUri=/Account/Login");

        Assert.Equal(HttpStatusCode.Found, set.Status);
        Assert.Equal(PortalBrowser.LoginPath, set.Location?.AbsolutePath);
        Assert.Contains(set.SetCookies, c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB", StringComparison.Ordinal));
        var page = await browser.GetAsync(PortalBrowser.LoginPath);
        Assert.Equal("en", page.HtmlLang);
        Assert.Contains("<h1>Log in</h1>", page.Text, StringComparison.Ordinal);
        Assert.Contains("Log in with your TabbPortal account.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Logga in", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_messages_follow_the_chosen_language()
    {
        using var browser = new PortalBrowser(factory);
        await browser.GetAsync("/Culture/Set?culture=en-GB&redirectUri=/Account/Login");

        var response = await browser.SubmitLoginAsync("jonas.nyberg@demo.example", "Wrong-Password-2026");

        Assert.Contains("Wrong e-mail address or password.", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swedish_can_be_chosen_again_after_English()
    {
        using var browser = new PortalBrowser(factory);
        await browser.GetAsync("/Culture/Set?culture=en-GB&redirectUri=/Account/Login");

        await browser.GetAsync("/Culture/Set?culture=sv-SE&redirectUri=/Account/Login");
        var page = await browser.GetAsync(PortalBrowser.LoginPath);

        Assert.Equal("sv", page.HtmlLang);
        Assert.Contains("<h1>Logga in</h1>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_culture_sets_no_cookie()
    {
        using var browser = new PortalBrowser(factory);

        var set = await browser.GetAsync("/Culture/Set?culture=de-DE&redirectUri=/Account/Login");
        var page = await browser.GetAsync(PortalBrowser.LoginPath);

        Assert.Equal(HttpStatusCode.Found, set.Status);
        Assert.DoesNotContain(set.SetCookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal("sv", page.HtmlLang);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Choosing_a_language_never_redirects_to_another_site(string redirectUri)
    {
        using var browser = new PortalBrowser(factory);

        var set = await browser.GetAsync("/Culture/Set?culture=en-GB&redirectUri=" + Uri.EscapeDataString(redirectUri));

        Assert.Equal(HttpStatusCode.Found, set.Status);
        Assert.Equal("localhost", set.Location?.Host);
        Assert.Equal("/", set.Location?.AbsolutePath);
    }
}

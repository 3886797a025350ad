using System.Net;

namespace TabbPortal.Tests.Integration;

public sealed class AnonymousAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/mitt-arbete")]
    [InlineData("/uppfoljning")]
    [InlineData("/admin")]
    [InlineData("/admin/organisationer")]
    [InlineData("/admin/konton")]
    [InlineData("/admin/gallring")]
    [InlineData("/barn/5f0c6a8e-3f0e-4c36-9a51-2b8b1f1d2c3e/registerutdrag")]
    [InlineData("/admin/organisationer/5f0c6a8e-3f0e-4c36-9a51-2b8b1f1d2c3e")]
    public async Task A_protected_page_redirects_an_anonymous_visitor_to_the_login_page_with_a_return_url(string path)
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
        Assert.Equal(path, response.LocationQuery("returnUrl"));
        Assert.False(response.SetsAuthCookie);
    }

    [Fact]
    public async Task The_login_page_is_served_to_an_anonymous_visitor_in_Swedish()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync(PortalBrowser.LoginPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("sv", response.HtmlLang);
        Assert.Contains("<h1>Logga in</h1>", response.Text, StringComparison.Ordinal);
        Assert.Contains("E-postadress", response.Text, StringComparison.Ordinal);
        Assert.Contains("Lösenord", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_denied_page_is_served_to_an_anonymous_visitor()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync(PortalBrowser.AccessDeniedPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("Du har inte behörighet", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_answers_Healthy_without_a_login()
    {
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Healthy", response.Html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(PortalBrowser.LoginPath, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}

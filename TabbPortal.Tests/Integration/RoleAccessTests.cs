using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>Each role logs in over HTTP, lands on its own start page and is kept out of the other roles' pages.</summary>
public sealed class RoleAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] PractitionerPages = ["/mitt-arbete"];
    private static readonly string[] ProcessLeaderPages = ["/uppfoljning"];
    private static readonly string[] AdministratorPages = ["/admin", "/admin/organisationer", "/admin/konton", "/admin/gallring"];

    public static TheoryData<string, string, string, string> Logins => new()
    {
        // email, start page, page heading, text that shows the page is about this user
        { "karin.ek@demo.example", "/mitt-arbete", "Mitt arbete", "Ekskolan" },
        { "sara.holm@demo.example", "/mitt-arbete", "Mitt arbete", "Flen kommun socialtjänst, barn och unga" },
        { "maria.lund@demo.example", "/mitt-arbete", "Mitt arbete", "BVC Flen" },
        { "eva.strand@demo.example", "/uppfoljning", "Uppföljning av införandet", "Välkommen, Eva Strand." },
        { "nils.dahl@demo.example", "/admin", "Administration", "aktiva organisationer" },
    };

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task A_demo_user_is_sent_to_the_start_page_of_the_role_which_shows_Swedish_text(
        string email, string startPage, string heading, string personalText)
    {
        using var browser = new PortalBrowser(factory);

        var login = await browser.LogInAsync(email);
        Assert.Equal(startPage, login.Location?.AbsolutePath);

        var page = await browser.GetAsync(startPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("sv", page.HtmlLang);
        Assert.Contains($"<h1>{heading}</h1>", page.Text, StringComparison.Ordinal);
        Assert.Contains($"<title>{heading} – TabbPortal – Tillsammans för barnens bästa</title>", page.Text, StringComparison.Ordinal);
        Assert.Contains(personalText, page.Text, StringComparison.Ordinal);
        Assert.Contains("Logga ut", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("karin.ek@demo.example", "/mitt-arbete")]
    [InlineData("eva.strand@demo.example", "/uppfoljning")]
    [InlineData("nils.dahl@demo.example", "/admin")]
    public async Task The_root_page_sends_a_signed_in_user_to_the_start_page_of_the_role(string email, string startPage)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(startPage, response.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("sara.holm@demo.example")]
    [InlineData("maria.lund@demo.example")]
    [InlineData("eva.strand@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    public async Task A_demo_user_is_refused_the_pages_of_the_other_roles(string email)
    {
        using var browser = new PortalBrowser(factory);
        var ownStart = (await browser.LogInAsync(email)).Location!.AbsolutePath;
        string[][] groups = [PractitionerPages, ProcessLeaderPages, AdministratorPages];
        var otherPages = groups.Where(g => !g.Contains(ownStart)).SelectMany(g => g).ToList();
        Assert.NotEmpty(otherPages);

        foreach (var page in otherPages)
        {
            var response = await browser.GetAsync(page);

            var refused = response.Status == HttpStatusCode.Forbidden
                || (response.Status == HttpStatusCode.Found && response.Location?.AbsolutePath == PortalBrowser.AccessDeniedPath);
            Assert.True(refused, $"{email} asked for {page} and got {response}");
            Assert.DoesNotContain("<h1>", response.Html, StringComparison.Ordinal);
        }

        var denied = await browser.GetAsync(PortalBrowser.AccessDeniedPath);
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        Assert.Contains("Din roll ger inte tillgång till den här sidan.", denied.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_reaches_the_organisation_and_account_pages()
    {
        Guid flen;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            flen = await context.Organisations.Where(o => o.Name == "Flen kommun").Select(o => o.Id).SingleAsync();
        }

        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("nils.dahl@demo.example");

        var organisations = await browser.GetAsync("/admin/organisationer");
        Assert.Equal(HttpStatusCode.OK, organisations.Status);
        Assert.Contains("<h1>Organisationer</h1>", organisations.Text, StringComparison.Ordinal);
        Assert.Contains("Region Sörmland", organisations.Text, StringComparison.Ordinal);

        var accounts = await browser.GetAsync("/admin/konton");
        Assert.Equal(HttpStatusCode.OK, accounts.Status);
        Assert.Contains("<h1>Konton</h1>", accounts.Text, StringComparison.Ordinal);
        Assert.Contains("karin.ek@demo.example", accounts.Text, StringComparison.Ordinal);

        var detail = await browser.GetAsync($"/admin/organisationer/{flen}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains("<h1>Flen kommun</h1>", detail.Text, StringComparison.Ordinal);
        Assert.Contains("Ekskolan", detail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_that_started_from_a_protected_page_returns_to_that_page()
    {
        using var browser = new PortalBrowser(factory);
        var challenge = await browser.GetAsync("/admin/konton");
        Assert.Equal(PortalBrowser.LoginPath, challenge.Location?.AbsolutePath);

        var login = await browser.LogInAsync("nils.dahl@demo.example", loginUrl: challenge.Location!.PathAndQuery);

        Assert.Equal("/admin/konton", login.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_ignored_after_login(string returnUrl)
    {
        using var browser = new PortalBrowser(factory);

        var login = await browser.LogInAsync("eva.strand@demo.example", loginUrl: "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("localhost", login.Location?.Host);
        Assert.Equal("/uppfoljning", login.Location?.AbsolutePath);
    }
}

using System.Net;
using TabbPortal.Tests.Integration.Children;

namespace TabbPortal.Tests.Integration.DataExport;

/// <summary>
/// Only a practitioner with full access to the child exports its data: a process leader, an administrator and a
/// practitioner who may not see the child are refused both the JSON and the readable page, and get none of the data.
/// </summary>
public sealed class DataExportAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_contact_person_gets_the_export()
    {
        var noah = await DemoLookup.ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Karin);

        var json = await browser.GetAsync($"/barn/{noah}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Contains("\"familyName\": \"Sjöberg\"", json.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoLookup.Eva)]
    [InlineData(DemoLookup.Nils)]
    [InlineData(DemoLookup.Maria)]
    public async Task The_JSON_export_is_refused_to_a_process_leader_an_administrator_and_a_practitioner_without_access(string email)
    {
        var noah = await DemoLookup.ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var response = await browser.GetAsync($"/barn/{noah}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.DoesNotContain("Sjöberg", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoLookup.Eva)]
    [InlineData(DemoLookup.Nils)]
    public async Task The_readable_page_is_refused_to_a_process_leader_and_an_administrator(string email)
    {
        var noah = await DemoLookup.ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var response = await browser.GetAsync($"/barn/{noah}/registerutdrag");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.DoesNotContain("Sjöberg", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readable_page_shows_a_practitioner_without_access_no_data()
    {
        var noah = await DemoLookup.ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Maria);

        var page = await browser.GetAsync($"/barn/{noah}/registerutdrag");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Du kan inte ta ut ett registerutdrag för barnet.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sjöberg", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Noah", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_export_asks_an_anonymous_visitor_to_log_in()
    {
        var noah = await DemoLookup.ChildIdAsync(factory, "Noah", "Sjöberg");
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync($"/barn/{noah}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Tests.Integration.Children;

namespace TabbPortal.Tests.Integration.DataExport;

/// <summary>
/// Only a practitioner with full access to the child exports its data: a process leader, an administrator and a
/// practitioner who may not see the child are refused both the JSON and the readable page, get none of the data, and a
/// refused export is in the access log.
/// </summary>
public sealed class DataExportAccessTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_contact_person_with_consent_gets_the_export_and_it_is_logged()
    {
        var child = await SeededChild.SeedAsync(factory, "Ebba", "Egensson", Start);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Karin);

        var json = await browser.GetAsync($"/barn/{child.ChildId}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Contains("\"familyName\": \"Egensson\"", json.Html, StringComparison.Ordinal);
        var entry = Assert.Single(await ExportEntriesAsync(child.ChildId));
        Assert.Equal((await DemoLookup.UserIdAsync(factory, DemoLookup.Karin), AccessKind.Export, true, AccessBasis.Consent), (entry.UserId, entry.Kind, entry.Allowed, entry.Basis));
    }

    [Theory]
    [InlineData(DemoLookup.Eva)]
    [InlineData(DemoLookup.Nils)]
    [InlineData(DemoLookup.Maria)]
    public async Task The_JSON_export_is_refused_to_a_process_leader_an_administrator_and_a_practitioner_without_access_and_logged(string email)
    {
        var child = await SeededChild.SeedAsync(factory, "Nekad" + email[..3], "Nekadsson", Start);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var response = await browser.GetAsync($"/barn/{child.ChildId}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.DoesNotContain("Nekadsson", response.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await ExportEntriesAsync(child.ChildId));
        Assert.Equal((await DemoLookup.UserIdAsync(factory, email), false), (entry.UserId, entry.Allowed));
    }

    [Fact]
    public async Task A_practitioner_whose_own_unit_registered_the_child_but_without_consent_is_refused()
    {
        // Ekskolan registered the child, so Karin sees what her unit recorded; the export needs the whole record.
        var child = await SeededChild.SeedAsync(factory, "Utan", "Samtyckesson", Start);
        await using (var context = await DemoLookup.ContextAsync(factory))
        {
            await context.Database.ExecuteSqlRawAsync("DELETE FROM \"Consents\" WHERE \"ChildId\" = {0}", child.ChildId.ToString().ToUpperInvariant());
        }

        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Karin);

        var response = await browser.GetAsync($"/barn/{child.ChildId}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.False(Assert.Single(await ExportEntriesAsync(child.ChildId)).Allowed);
    }

    [Theory]
    [InlineData(DemoLookup.Eva)]
    [InlineData(DemoLookup.Nils)]
    public async Task The_readable_page_is_refused_to_a_process_leader_and_an_administrator(string email)
    {
        var child = await SeededChild.SeedAsync(factory, "Sidan" + email[..3], "Sidsson", Start);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var response = await browser.GetAsync($"/barn/{child.ChildId}/registerutdrag");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, response.Location?.AbsolutePath);
        Assert.DoesNotContain("Sidsson", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JSON_export_asks_an_anonymous_visitor_to_log_in()
    {
        var child = await SeededChild.SeedAsync(factory, "Anonym", "Anonymsson", Start);
        using var browser = new PortalBrowser(factory);

        var response = await browser.GetAsync($"/barn/{child.ChildId}/registerutdrag.json");

        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
        Assert.Empty(await ExportEntriesAsync(child.ChildId));
    }

    private async Task<List<AccessLogEntry>> ExportEntriesAsync(Guid childId)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        return await context.AccessLog.AsNoTracking().Where(e => e.ChildId == childId && e.Part == RecordPart.DataExport).ToListAsync();
    }
}

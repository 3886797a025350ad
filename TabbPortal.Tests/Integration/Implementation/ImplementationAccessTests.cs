using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Implementation;

/// <summary>
/// The implementation pages and CSV exports over HTTP: only process leaders reach them, the exports carry what the
/// pages show, and nothing a process leader reaches names a child or gives a child's personal identity number.
/// </summary>
public sealed class ImplementationAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Pages =
    [
        "/uppfoljning/inforande", "/uppfoljning/inforande/steg", "/uppfoljning/inforande/milstolpar", "/uppfoljning/inforande/rapport",
    ];

    private static readonly string[] Exports =
    [
        "/uppfoljning/inforande/export/oversikt.csv", "/uppfoljning/inforande/export/utveckling.csv", "/uppfoljning/inforande/export/milstolpar.csv",
    ];

    private async Task<Guid> FlenAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await context.Organisations.Where(o => o.Name == "Flen kommun").Select(o => o.Id).SingleAsync();
    }

    private async Task<string[]> EveryUrlAsync()
    {
        var flen = await FlenAsync();
        return [.. Pages, $"/uppfoljning/inforande/{flen}", .. Exports, $"/uppfoljning/inforande/export/organisation/{flen}.csv"];
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("sara.holm@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    [InlineData("ulla.wik@demo.example")]
    public async Task Practitioners_and_administrators_are_refused_every_page_and_export(string email)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        foreach (var url in await EveryUrlAsync())
        {
            var response = await browser.GetAsync(url);

            var refused = response.Status == HttpStatusCode.Forbidden
                || (response.Status == HttpStatusCode.Found && response.Location?.AbsolutePath == PortalBrowser.AccessDeniedPath);
            Assert.True(refused, $"{email} asked for {url} and got {response}");
            Assert.DoesNotContain("Flen kommun", response.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_the_login_page()
    {
        using var browser = new PortalBrowser(factory);

        foreach (var url in await EveryUrlAsync())
        {
            var response = await browser.GetAsync(url);

            Assert.Equal(HttpStatusCode.Found, response.Status);
            Assert.Equal(PortalBrowser.LoginPath, response.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_process_leader_reaches_every_page_and_export()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("eva.strand@demo.example");

        var overview = await browser.GetAsync("/uppfoljning/inforande");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains(">Införandet i länet</h1>", overview.Text, StringComparison.Ordinal);
        Assert.Contains("Vingåker kommun", overview.Text, StringComparison.Ordinal);
        foreach (var url in await EveryUrlAsync())
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.Status == HttpStatusCode.OK, $"{url} gave {response}");
        }
    }

    [Fact]
    public async Task The_overview_export_has_a_row_per_organisation_with_the_status_of_each_step_in_words()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("eva.strand@demo.example");

        using var response = await browser.Client.GetAsync(new Uri("/uppfoljning/inforande/export/oversikt.csv?dagar=90", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inforande-oversikt.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Delregion;Organisation;Typ av organisation;Beslut om att införa modellen;Kontaktpersoner utsedda;Personal utbildad;", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(";Senast ändrad;Står still", lines[0], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length); // the header and the twelve organisations of the demo data
        var flen = Assert.Single(lines, l => l.Contains(";Flen kommun;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(["Väster", "Flen kommun", "Kommun", "Klart", "Klart"], flen[..5]);
        Assert.StartsWith("Pågår (2 av 5 enheter klara)", flen[5], StringComparison.Ordinal);
        Assert.Equal("Nej", flen[^1]);
        var vingaker = Assert.Single(lines, l => l.Contains(";Vingåker kommun;", StringComparison.Ordinal)).Split(';');
        Assert.Equal("Ja", vingaker[^1]);

        // A longer period: Vingåker has moved within the last year, so it is no longer marked.
        var lenient = Encoding.UTF8.GetString(await browser.Client.GetByteArrayAsync(new Uri("/uppfoljning/inforande/export/oversikt.csv?dagar=365", UriKind.Relative)));
        Assert.EndsWith(";Nej", lenient.Split("\r\n").Single(l => l.Contains(";Vingåker kommun;", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_milestone_and_progress_exports_carry_the_directive_goals_and_the_months()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("eva.strand@demo.example");

        var milestones = Encoding.UTF8.GetString(await browser.Client.GetByteArrayAsync(new Uri(Exports[2], UriKind.Relative))).TrimStart('\uFEFF');
        var rows = milestones.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Milstolpe;Måldatum;Status;Försenad;Hur status bestäms;Nått datum;Anteckning", rows[0]);
        Assert.Equal(7, rows.Length);
        Assert.StartsWith("Länsövergripande samverkansmodell finns;2024-12-31;Klart;Nej;Satt av processledare;2024-11-14;", rows[1], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("Implementeringsarbetet är påbörjat;2024-12-31;Klart;Nej;Härledd", StringComparison.Ordinal));

        var progress = Encoding.UTF8.GetString(await browser.Client.GetByteArrayAsync(new Uri(Exports[1], UriKind.Relative))).TrimStart('\uFEFF');
        var months = progress.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Månad;Norr;Väster;Söder;Länsövergripande", months[0]);
        Assert.Equal(25, months.Length);
        var last = months[^1].Split(';')[1..].Select(int.Parse).ToList();
        var first = months[1].Split(';')[1..].Select(int.Parse).ToList();
        Assert.All(last.Zip(first), pair => Assert.True(pair.First >= pair.Second));
        Assert.True(last.Sum() > first.Sum(), "The demo data shows progress over the two years.");
    }

    [Fact]
    public async Task No_page_or_export_a_process_leader_reaches_names_a_child_or_gives_a_personal_identity_number()
    {
        var children = new List<string>();
        using (var browserForSeed = new PortalBrowser(factory))
        {
            await browserForSeed.GetAsync("/health"); // the portal, and its demo data, are up
        }

        await using (var connection = new SqliteConnection(factory.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT GivenName, FamilyName, PersonalIdentityNumber FROM Children";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var number = reader.GetString(2);
                children.Add(reader.GetString(0) + " " + reader.GetString(1));
                children.Add(number);
                children.Add(number[..8] + "-" + number[8..]);
                children.Add(number[2..8] + "-" + number[8..]);
            }
        }

        Assert.NotEmpty(children);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync("eva.strand@demo.example");
        foreach (var url in await EveryUrlAsync())
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            foreach (var secret in children)
            {
                Assert.DoesNotContain(secret, response.Text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

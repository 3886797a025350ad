using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Indicators;

/// <summary>
/// Every page and export a process leader reaches, rendered over HTTP with the demo data (plus a municipality with enough
/// children for figures to show), searched for every child's name and personal identity number.
/// </summary>
public sealed class NoChildDataTests(NoChildDataTests.Factory factory) : IClassFixture<NoChildDataTests.Factory>
{
    private static readonly string[] Tables = ["levels", "plans", "meetings", "actions"];
    private static readonly string[] Kinds = ["guardian", "child", "professional"];
    private static readonly string[] Regions = ["North", "West", "South"];

    [Fact]
    public async Task NoPageOrExportOfTheProcessLeaderContainsAChildsNameOrNumber()
    {
        var children = await ChildrenAsync();
        Assert.True(children.Count >= 20, "The demo data should have children to look for.");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Eva);
        var municipalities = await MunicipalityIdsAsync();
        var period = "from=2023-12&to=2026-11";

        var urls = new List<string> { "/uppfoljning", "/uppfoljning/indikatorer", $"/uppfoljning/indikatorer?{period}", "/uppfoljning/enkater", $"/uppfoljning/enkater?{period}" };
        urls.AddRange(municipalities.Select(id => $"/uppfoljning/indikatorer?{period}&area={id}"));
        urls.AddRange(Regions.Select(region => $"/uppfoljning/indikatorer?{period}&area={region}"));
        urls.AddRange(Tables.Select(t => $"/uppfoljning/indikatorer/export/{t}.csv?{period}"));
        urls.AddRange(Tables.SelectMany(t => municipalities.Select(id => $"/uppfoljning/indikatorer/export/{t}.csv?{period}&area={id}")));
        urls.AddRange(Kinds.Select(k => $"/uppfoljning/enkater/export/{k}.csv?{period}"));

        foreach (var url in urls)
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.Status == HttpStatusCode.OK, $"{url} answered {(int)response.Status}");
            var text = response.Text;
            Assert.True(text.Length > 200, $"{url} is nearly empty");
            foreach (var child in children)
            {
                Assert.False(text.Contains(child.FullName, StringComparison.OrdinalIgnoreCase), $"{url} contains the name of a child");
                Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(child.GivenName)}\b"), $"{url} contains a child's given name");
                foreach (var number in child.Numbers)
                {
                    Assert.False(text.Contains(number, StringComparison.Ordinal), $"{url} contains a personal identity number");
                }
            }
        }
    }

    [Fact]
    public async Task TheIndicatorPageShowsFiguresSoTheSearchAboveMeansSomething()
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Eva);

        var page = await browser.GetAsync($"/uppfoljning/indikatorer?from=2026-05&to=2026-05&area={factory.Municipality}");
        var csv = await browser.Client.GetAsync(new Uri($"/uppfoljning/indikatorer/export/levels.csv?from=2026-05&to=2026-05&area={factory.Municipality}", UriKind.Relative));

        Assert.Contains("Barn med plan per stödnivå", page.Text, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">6</td>", page.Html, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026-05;Provkommun kommun;<5;<5;6;6", Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n")[1]);
    }

    [Theory]
    [InlineData(DemoLookup.Karin)]
    [InlineData(DemoLookup.Nils)]
    public async Task OtherRolesCannotExportIndicators(string email)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var export = await browser.GetAsync("/uppfoljning/indikatorer/export/levels.csv");
        var results = await browser.GetAsync("/uppfoljning/enkater/export/guardian.csv");

        Assert.NotEqual(HttpStatusCode.OK, export.Status);
        Assert.NotEqual(HttpStatusCode.OK, results.Status);
        Assert.DoesNotContain("Månad;Kommun", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitorCannotExportIndicators()
    {
        using var browser = new PortalBrowser(factory);

        var export = await browser.GetAsync("/uppfoljning/indikatorer/export/levels.csv");

        Assert.NotEqual(HttpStatusCode.OK, export.Status);
    }

    private async Task<List<(string FullName, string GivenName, string[] Numbers)>> ChildrenAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var children = await context.Children.AsNoTracking().ToListAsync();
        return [.. children.Select(c => (c.FullName, c.GivenName, Numbers(c.PersonalIdentityNumber)))];
    }

    private async Task<List<Guid>> MunicipalityIdsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await context.Organisations.Where(o => o.Kind == TabbPortal.Domain.Organisations.OrganisationKind.Municipality).Select(o => o.Id).ToListAsync();
    }

    private static string[] Numbers(PersonalIdentityNumber number)
    {
        var twelve = number.Value;
        return [twelve, $"{twelve[..8]}-{twelve[8..]}", $"{twelve[2..8]}-{twelve[8..]}", twelve[2..]];
    }

    /// <summary>The demo portal plus six children with plans in May 2026 in a municipality of their own, so that figures show.</summary>
    public sealed class Factory : PortalFactory, IAsyncLifetime
    {
        public Guid Municipality { get; private set; }

        public async Task InitializeAsync()
        {
            var b = await IndicatorDataBuilder.InNewMunicipalityAsync(this);
            Municipality = b.Municipality.Id;
            for (var i = 0; i < 6; i++)
            {
                b.Plan(b.Child(new DateOnly(2026, 4, 26), SupportLevel.Coordinated, concernOn: new DateOnly(2026, 4, 28)), new DateOnly(2026, 5, 3), childViews: true);
            }

            await b.SaveAsync(this);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}

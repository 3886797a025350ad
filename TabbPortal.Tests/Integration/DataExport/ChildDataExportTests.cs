using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TabbPortal.Tests.Integration.Children;

namespace TabbPortal.Tests.Integration.DataExport;

/// <summary>
/// The data subject export of a seeded child, over HTTP as the child's contact person: the JSON has exactly the golden
/// shape and content, and nothing of the child's sibling (same guardians) or of another child comes along.
/// </summary>
public sealed class ChildDataExportTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_JSON_export_of_a_seeded_child_has_the_golden_shape_and_content()
    {
        var (tilde, _, _) = await SeedFamilyAsync("Tilde", "Exportsson");

        var (response, json) = await GetJsonAsync(DemoLookup.Karin, tilde.ChildId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"registerutdrag-{tilde.ChildId:D}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var actual = JsonNode.Parse(json)!;
        // The export itself is the one access logged so far (the builder seeds past the gate): by Ekskolan, now.
        var expected = ExpectedExport.For(tilde, factory.Clock.Now, "Ekskolan",
            accessLog: [new { at = factory.Clock.Now, unit = "Ekskolan", kind = "Export", part = "DataExport", allowed = true }]);
        Assert.True(JsonNode.DeepEquals(expected, actual),
            "The export differs from the golden shape.\nExpected:\n" + expected.ToJsonString(Indented) + "\nActual:\n" + actual.ToJsonString(Indented));
    }

    [Fact]
    public async Task The_export_holds_nothing_of_a_sibling_with_the_same_guardians_or_of_another_child()
    {
        var (alvin, sibling, other) = await SeedFamilyAsync("Alvin", "Syskonsson");

        var (_, json) = await GetJsonAsync(DemoLookup.Karin, alvin.ChildId);

        Assert.Contains(alvin.ChildId.ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Lästräning för Alvin", json, StringComparison.Ordinal);
        foreach (var stranger in new[] { sibling, other })
        {
            foreach (var trace in new[] { stranger.GivenName, stranger.Number, stranger.ChildId.ToString(), stranger.PlanId.ToString(), stranger.NeedId.ToString(),
                         stranger.GoalId.ToString(), stranger.ActionId.ToString() })
            {
                Assert.DoesNotContain(trace, json, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The guardians are the sibling's too, but only this child's own guardian rows are in its export: two of them.
        Assert.Equal(2, JsonNode.Parse(json)!["guardians"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_readable_page_sends_no_record_in_its_first_HTML_response()
    {
        // The page is not prerendered (App.razor): the record is read once, in the circuit, where the gate logs it.
        var (maj, _, _) = await SeedFamilyAsync("Majken", "Sidsson");
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Karin);

        var page = await browser.GetAsync($"/barn/{maj.ChildId}/registerutdrag");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var trace in new[] { "Majken", "Sidsson", maj.Number[..8] })
        {
            Assert.DoesNotContain(trace, page.Text, StringComparison.Ordinal);
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The child, a sibling with the same guardians, and a child of another family, all with full records.</summary>
    private async Task<(SeededChild Child, SeededChild Sibling, SeededChild Other)> SeedFamilyAsync(string givenName, string familyName)
    {
        var child = await SeededChild.SeedAsync(factory, givenName, familyName, Start);
        var sibling = await SeededChild.SeedAsync(factory, givenName + "s syster Vendela", familyName, Start.AddDays(1));
        var other = await SeededChild.SeedAsync(factory, "Otto" + givenName, "Annansson", Start.AddDays(2));
        return (child, sibling, other);
    }

    private async Task<(HttpResponseMessage Response, string Json)> GetJsonAsync(string email, Guid childId)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);
        var response = await browser.Client.GetAsync(new Uri($"/barn/{childId}/registerutdrag.json", UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }
}

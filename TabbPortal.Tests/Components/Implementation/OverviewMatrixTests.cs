using Bunit;
using TabbPortal.Domain.Implementation;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Components.Pages.ProcessLeader;
using TabbPortal.Web.Implementation;

namespace TabbPortal.Tests.Components.Implementation;

public sealed class OverviewMatrixTests : SwedishFormTestContext
{
    private static readonly StepColumn Decision = new(Guid.NewGuid(), "Beslut om att införa modellen", null, 1, StepScope.Organisation, false, true, Guid.NewGuid());
    private static readonly StepColumn Training = new(Guid.NewGuid(), "Personal utbildad", null, 2, StepScope.Unit, true, true, Guid.NewGuid());

    private static OverviewRow Row(string name, SubRegion? region, StepStatus decision, (StepStatus Status, int Done, int Total, int? Share) training, bool stalled) =>
        new(Guid.NewGuid(), name, region is null ? OrganisationKind.Region : OrganisationKind.Municipality, region,
            [new(Decision.Id, decision, 0, 0, null, null), new(Training.Id, training.Status, training.Done, training.Total, training.Share, null)],
            new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), stalled);

    private static CountyOverview Overview() => new(
        [Decision, Training],
        [
            Row("Eskilstuna kommun", SubRegion.North, StepStatus.Done, (StepStatus.Done, 5, 5, 95), false),
            Row("Flen kommun", SubRegion.West, StepStatus.Done, (StepStatus.InProgress, 2, 5, 80), false),
            Row("Vingåker kommun", SubRegion.West, StepStatus.InProgress, (StepStatus.NotStarted, 0, 5, null), true),
            Row("Nyköping kommun", SubRegion.South, StepStatus.NotStarted, (StepStatus.NotStarted, 0, 4, null), false),
            Row("Region Sörmland", null, StepStatus.Done, (StepStatus.InProgress, 7, 28, 86), false),
        ],
        90,
        new CountyProgress(5, 4, 4, 1));

    private IRenderedComponent<OverviewMatrix> Render() =>
        RenderComponent<OverviewMatrix>(p => p.Add(m => m.Overview, Overview()));

    [Fact]
    public void Organisations_are_grouped_by_sub_region_north_west_south_then_county_wide()
    {
        var cut = Render();

        var groups = cut.FindAll("div.matrix-group");
        Assert.Equal(["Norr", "Väster", "Söder", "Länsövergripande"], groups.Select(g => g.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Equal(["Flen kommun", "Vingåker kommun"], groups[1].QuerySelectorAll("tbody th[scope=row] a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["Region Sörmland"], groups[3].QuerySelectorAll("tbody th[scope=row] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Every_cell_says_its_status_in_words_and_carries_the_class_of_its_colour()
    {
        var cut = Render();

        var flen = cut.Find("tr[data-organisation='Flen kommun']");
        var cells = flen.QuerySelectorAll("td.status-cell");
        Assert.Equal("Klart", cells[0].TextContent.Trim());
        Assert.Contains("status-done", cells[0].ClassList);
        Assert.Equal("Pågår (2 av 5 enheter klara) · 80 %", cells[1].TextContent.Trim());
        Assert.Contains("status-in-progress", cells[1].ClassList);

        var nykoping = cut.Find("tr[data-organisation='Nyköping kommun']").QuerySelectorAll("td.status-cell");
        Assert.Equal("Ej påbörjat", nykoping[0].TextContent.Trim());
        Assert.Contains("status-not-started", nykoping[0].ClassList);

        // No cell relies on colour alone.
        Assert.All(cut.FindAll("td.status-cell"), c => Assert.False(string.IsNullOrWhiteSpace(c.TextContent)));
    }

    [Fact]
    public void An_organisation_that_has_not_moved_stands_out_in_words_as_well_as_colour()
    {
        var cut = Render();

        var stalled = cut.FindAll("tbody tr.stalled");
        var row = Assert.Single(stalled);
        Assert.Equal("Vingåker kommun", row.GetAttribute("data-organisation"));
        Assert.Equal("Står still", row.QuerySelector(".stalled-badge")!.TextContent.Trim());
        Assert.Null(cut.Find("tr[data-organisation='Flen kommun']").QuerySelector(".stalled-badge"));
        Assert.Contains("ingen ändring på 90 dagar", cut.Find(".status-legend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_organisation_links_to_its_own_page_and_the_steps_are_column_headers()
    {
        var cut = Render();

        var headers = cut.FindAll("div.matrix-group")[0].QuerySelectorAll("thead th[scope=col]").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Organisation", "Beslut om att införa modellen", "Personal utbildad", "Senast ändrad"], headers);
        var link = cut.Find("tr[data-organisation='Eskilstuna kommun'] a");
        Assert.StartsWith("uppfoljning/inforande/", link.GetAttribute("href"), StringComparison.Ordinal);
    }
}

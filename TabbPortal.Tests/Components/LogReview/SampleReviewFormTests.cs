using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Components.Pages.LogReview;

namespace TabbPortal.Tests.Components.LogReview;

public sealed class SampleReviewFormTests : SwedishFormTestContext
{
    private static readonly Guid SavedId = Guid.NewGuid();

    private static readonly LogSample Sample = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 240,
    [
        new AccessLogRow(17, DateTimeOffset.UtcNow, "u1", "Karin Ek", "Practitioner", "Ekskolan", Sector.School, Guid.NewGuid(),
            AccessKind.Read, RecordPart.Plan, true, AccessBasis.OwnUnit, null, "abc"),
        new AccessLogRow(93, DateTimeOffset.UtcNow, "u2", "Omar Haddad", "Practitioner", "Ekskolan", Sector.School, Guid.NewGuid(),
            AccessKind.Read, RecordPart.Child, false, AccessBasis.None, null, "def"),
    ]);

    private readonly SaveSpy<LogReviewInput, (string? Conclusion, bool HasRemarks)> _save = new(i => (i.Conclusion, i.HasRemarks), SaveResult.Saved(SavedId));
    private readonly List<Guid> _saved = [];

    public SampleReviewFormTests()
    {
        Services.AddScoped<IValidator<LogReviewInput>, LogReviewInputValidator>();
    }

    private IRenderedComponent<SampleReviewForm> RenderForm() =>
        RenderComponent<SampleReviewForm>(p => p
            .Add(f => f.Sample, Sample)
            .Add(f => f.Save, _save.Save)
            .Add(f => f.OnSaved, id => _saved.Add(id)));

    [Fact]
    public void LabelsItsFieldsInSwedishAndSaysWhatIsReviewed()
    {
        var cut = RenderForm();

        AssertLabelled(cut, "sample-conclusion", "Slutsats");
        AssertLabelled(cut, "sample-remarks", "Granskningen ledde till anmärkning");
        AssertEveryFieldHasALabel(cut);
        AssertDescriptionsExist(cut);
        Assert.Contains("2 poster från perioden 2026-11-01 – 2026-11-30", cut.Find("form p").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordsTheConclusionAndTheRemark()
    {
        var cut = RenderForm();

        cut.Find("#sample-conclusion").Change("Post 93 nekades korrekt; övriga hade grund.");
        cut.Find("#sample-remarks").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(("Post 93 nekades korrekt; övriga hade grund.", true), Assert.Single(_save.Calls));
        Assert.Equal(SavedId, _saved[0]);
        Assert.Equal(string.Empty, cut.Find("#sample-conclusion").GetAttribute("value") ?? cut.Find("#sample-conclusion").TextContent);
    }

    [Fact]
    public void AnEmptyConclusionIsAnsweredAtTheFieldAndNothingIsSaved()
    {
        var cut = RenderForm();

        cut.Find("#sample-remarks").Change(true);
        cut.Find("#sample-conclusion").Change("   ");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#sample-conclusion-error", "Skriv granskningens slutsats.");
        Assert.Empty(_save.Calls);
        Assert.Empty(_saved);
        Assert.True(cut.Find("#sample-remarks").HasAttribute("checked"));
    }

    [Fact]
    public void AFailedSaveShowsTheServersMessageAndKeepsTheInput()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "LogReview_Sample_Empty", "Dra ett stickprov innan granskningen registreras."));
        var cut = RenderForm();

        cut.Find("#sample-conclusion").Change("Inga avvikelser.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Dra ett stickprov innan granskningen registreras.", cut.Find(".form-errors").TextContent, StringComparison.Ordinal), WaitTimeout);
        Assert.Empty(_saved);
        Assert.Equal("Inga avvikelser.", cut.Find("#sample-conclusion").GetAttribute("value") ?? cut.Find("#sample-conclusion").TextContent);
    }
}

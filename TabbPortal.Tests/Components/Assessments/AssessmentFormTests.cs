using System.Globalization;
using Bunit;
using TabbPortal.Domain.Assessments;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Pages.Assessments;

namespace TabbPortal.Tests.Components.Assessments;

public sealed class AssessmentFormTests : AssessmentFormTestContext
{
    private const string DateError = "#assessment-date-error";
    private const string PerspectiveError = "#assessment-perspective-error";
    private const string GuardianError = "#assessment-guardian-error";
    private const string RatingsError = "#assessment-ratings-error";
    private const string Guardian = "#assessment-guardian";

    private static readonly IReadOnlyList<string> Guardians = ["Johanna Lindgren", "Mikael Lindgren"];

    /// <summary>The ids of the ten free-text fields of the triangle and the matrix, with a text for each.</summary>
    private static readonly (string Id, string Text)[] Texts =
    [
        ("myworld-growing-strengths", "Läser gärna"),
        ("myworld-growing-concerns", "Oroar sig för prov"),
        ("myworld-care-strengths", "Mamma hämtar varje dag"),
        ("myworld-care-concerns", "Pappa reser mycket"),
        ("myworld-world-strengths", "Fotbollslaget"),
        ("myworld-world-concerns", "Långt till skolan"),
        ("resilience-resilience", "Nyfiken och envis"),
        ("resilience-vulnerability", "Lätt att bli ledsen"),
        ("resilience-protective", "Morfar bor nära"),
        ("resilience-adversity", "Flyttat tre gånger"),
    ];

    private readonly SaveSpy<AssessmentInput, Typed> _save = new(Typed.Of, SaveResult.Saved(Guid.NewGuid()));
    private readonly List<Perspective> _saved = [];
    private int _cancelled;

    [Fact]
    public void AValidAssessmentIsSavedWithThePerspectiveTheScoresAndTheTexts()
    {
        var cut = RenderForm();

        cut.Find("#assessment-date").Change("2024-03-01");
        Choose(cut, Perspective.Child);
        Rate(cut, WellbeingIndicator.Safe, 4, "Trivs i klassen");
        Rate(cut, WellbeingIndicator.Included, 2, "Leker ofta ensam");
        Rate(cut, WellbeingIndicator.Active, 5);
        FillTexts(cut);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([Perspective.Child], _saved), WaitTimeout);
        var typed = Assert.Single(_save.Calls);
        Assert.Equal(new DateOnly(2024, 3, 1), typed.AssessedOn);
        Assert.Equal(Perspective.Child, typed.Perspective);
        Assert.Equal(
            [
                (WellbeingIndicator.Safe, (int?)4, (string?)"Trivs i klassen"),
                (WellbeingIndicator.Healthy, null, null),
                (WellbeingIndicator.Achieving, null, null),
                (WellbeingIndicator.Nurtured, null, null),
                (WellbeingIndicator.Active, 5, null),
                (WellbeingIndicator.Respected, null, null),
                (WellbeingIndicator.Responsible, null, null),
                (WellbeingIndicator.Included, 2, "Leker ofta ensam"),
            ],
            typed.Ratings.Select(r => (r.Indicator, r.Score, string.IsNullOrEmpty(r.Comment) ? null : r.Comment)));
        Assert.Equal(
            new MyWorld
            {
                GrowingStrengths = "Läser gärna", GrowingConcerns = "Oroar sig för prov", CareStrengths = "Mamma hämtar varje dag",
                CareConcerns = "Pappa reser mycket", WorldStrengths = "Fotbollslaget", WorldConcerns = "Långt till skolan",
            },
            typed.MyWorld);
        Assert.Equal(
            new ResilienceMatrix
            {
                Resilience = "Nyfiken och envis", Vulnerability = "Lätt att bli ledsen",
                ProtectiveEnvironment = "Morfar bor nära", Adversity = "Flyttat tre gånger",
            },
            typed.Resilience);
    }

    [Theory]
    [InlineData(Perspective.Child)]
    [InlineData(Perspective.Professionals)]
    public void TheChosenPerspectiveIsSavedAndReported(Perspective perspective)
    {
        var cut = RenderForm();

        Choose(cut, perspective);
        Rate(cut, WellbeingIndicator.Healthy, 3);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([perspective], _saved), WaitTimeout);
        Assert.Equal(perspective, Assert.Single(_save.Calls).Perspective);
    }

    [Fact]
    public void TheDateIsTodayUnlessChanged()
    {
        var cut = RenderForm();

        Assert.Equal("2024-03-15", ValueOf(cut, "#assessment-date"));
        Choose(cut, Perspective.Professionals);
        Rate(cut, WellbeingIndicator.Safe, 3);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(Today, Assert.Single(_save.Calls).AssessedOn);
    }

    [Fact]
    public void AGuardiansAssessmentIsSavedWithTheGuardiansName()
    {
        var cut = RenderForm();

        Choose(cut, Perspective.Guardian);
        cut.Find(Guardian).Change("Mikael Lindgren");
        Rate(cut, WellbeingIndicator.Nurtured, 5, "Mycket omtänksam familj");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([Perspective.Guardian], _saved), WaitTimeout);
        var typed = Assert.Single(_save.Calls);
        Assert.Equal((Perspective.Guardian, "Mikael Lindgren"), (typed.Perspective, typed.GuardianName));
        Assert.Contains((WellbeingIndicator.Nurtured, (int?)5, (string?)"Mycket omtänksam familj"), typed.Ratings.Select(r => (r.Indicator, r.Score, r.Comment)));
    }

    [Fact]
    public void AMissingPerspectiveIsNamedAtItsFieldAndTheRestIsKept()
    {
        var cut = RenderForm();

        cut.Find("#assessment-date").Change("2024-02-20");
        Rate(cut, WellbeingIndicator.Safe, 4, "Trivs i klassen");
        FillTexts(cut);
        cut.Find("form").Submit();

        WaitForMessage(cut, PerspectiveError, "Välj vems bedömning det är.");
        Assert.Empty(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal(string.Empty, TextOf(cut, RatingsError));
        Assert.Equal(string.Empty, TextOf(cut, DateError));
        Assert.Empty(cut.FindAll("input[type=radio][checked]"));
        Assert.Equal("2024-02-20", ValueOf(cut, "#assessment-date"));
        Assert.Equal("4", ValueOf(cut, "#rating-Safe"));
        Assert.Equal("Trivs i klassen", ValueOf(cut, "#rating-Safe-comment"));
        AssertTextsKept(cut);
    }

    [Fact]
    public void AnAssessmentWithoutRatingsIsRefusedAtTheWheelAndTheRestIsKept()
    {
        var cut = RenderForm();

        Choose(cut, Perspective.Professionals);
        cut.Find("#rating-Respected-comment").Change("Svårt att säga ännu");
        FillTexts(cut);
        cut.Find("form").Submit();

        WaitForMessage(cut, RatingsError, "Skatta minst ett område i hjulet.");
        Assert.Empty(_save.Calls);
        Assert.Equal(string.Empty, TextOf(cut, PerspectiveError));
        Assert.True(cut.Find("#assessment-perspective-Professionals").HasAttribute("checked"));
        Assert.Equal("Svårt att säga ännu", ValueOf(cut, "#rating-Respected-comment"));
        AssertTextsKept(cut);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void AGuardiansAssessmentWithoutTheNameIsRefusedAtTheGuardianField(string? name)
    {
        var cut = RenderForm();

        Choose(cut, Perspective.Guardian);
        if (name is not null)
        {
            cut.Find(Guardian).Change(name);
        }

        Rate(cut, WellbeingIndicator.Achieving, 2, "Behöver stöd i matte");
        FillTexts(cut);
        cut.Find("form").Submit();

        WaitForMessage(cut, GuardianError, "Ange vilken vårdnadshavare bedömningen kommer från.");
        Assert.Empty(_save.Calls);
        Assert.True(cut.Find("#assessment-perspective-Guardian").HasAttribute("checked"));
        Assert.Equal("2", ValueOf(cut, "#rating-Achieving"));
        Assert.Equal("Behöver stöd i matte", ValueOf(cut, "#rating-Achieving-comment"));
        AssertTextsKept(cut);
    }

    [Fact]
    public void EveryMissingFieldIsNamedAtOnce()
    {
        var cut = RenderForm();

        cut.Find("#assessment-date").Change(string.Empty);
        cut.Find("form").Submit();

        WaitForMessage(cut, DateError, "Ange datum för bedömningen.");
        WaitForMessage(cut, PerspectiveError, "Välj vems bedömning det är.");
        WaitForMessage(cut, RatingsError, "Skatta minst ett område i hjulet.");
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void ADateInTheFutureIsRefusedAtTheDate()
    {
        var cut = RenderForm();

        cut.Find("#assessment-date").Change("2024-03-16");
        Choose(cut, Perspective.Child);
        Rate(cut, WellbeingIndicator.Safe, 4);
        cut.Find("form").Submit();

        WaitForMessage(cut, DateError, "Ange ett datum som inte ligger i framtiden.");
        Assert.Empty(_save.Calls);
        Assert.Equal("4", ValueOf(cut, "#rating-Safe"));
    }

    [Fact]
    public void AfterAFailedAttemptTheCorrectedAssessmentIsSaved()
    {
        var cut = RenderForm();

        Rate(cut, WellbeingIndicator.Safe, 4);
        cut.Find("form").Submit();
        WaitForMessage(cut, PerspectiveError, "Välj vems bedömning det är.");

        Choose(cut, Perspective.Child);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([Perspective.Child], _saved), WaitTimeout);
        Assert.Contains((WellbeingIndicator.Safe, (int?)4), Assert.Single(_save.Calls).Ratings.Select(r => (r.Indicator, r.Score)));
    }

    [Fact]
    public void ChoosingAPerspectiveClearsItsMessage()
    {
        var cut = RenderForm();
        Rate(cut, WellbeingIndicator.Safe, 4);
        cut.Find("form").Submit();
        WaitForMessage(cut, PerspectiveError, "Välj vems bedömning det är.");

        Choose(cut, Perspective.Professionals);

        WaitForMessage(cut, PerspectiveError, string.Empty);
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void TypingTheGuardiansNameClearsItsMessage()
    {
        var cut = RenderForm();
        Choose(cut, Perspective.Guardian);
        Rate(cut, WellbeingIndicator.Safe, 4);
        cut.Find("form").Submit();
        WaitForMessage(cut, GuardianError, "Ange vilken vårdnadshavare bedömningen kommer från.");

        cut.Find(Guardian).Change("Johanna Lindgren");

        WaitForMessage(cut, GuardianError, string.Empty);
    }

    [Fact]
    public void RatingAnAreaClearsTheWheelsMessage()
    {
        // As everywhere else in the portal, correcting the input takes the message away; a message saying that
        // nothing is rated must not stay next to a rated wheel.
        var cut = RenderForm();
        Choose(cut, Perspective.Child);
        cut.Find("form").Submit();
        WaitForMessage(cut, RatingsError, "Skatta minst ett område i hjulet.");

        Rate(cut, WellbeingIndicator.Safe, 4);

        WaitForMessage(cut, RatingsError, string.Empty);
    }

    [Fact]
    public async Task ACommentWithoutAScoreKeepsTheWheelsMessage()
    {
        var cut = RenderForm();
        Choose(cut, Perspective.Child);
        cut.Find("form").Submit();
        WaitForMessage(cut, RatingsError, "Skatta minst ett område i hjulet.");

        cut.Find("#rating-Safe-comment").Change("Svårt att säga");
        cut.Find("#rating-Safe").Change(string.Empty);

        // The message is re-checked after each change; give a wrong clearing the time to show.
        await Task.Delay(300);
        Assert.Equal("Skatta minst ett område i hjulet.", TextOf(cut, RatingsError));
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void ATooLongCommentIsRefusedWithAMessageAtTheComment()
    {
        // The comment is a plain text input without a maximum length: the user must be told why nothing was saved.
        var tooLong = new string('x', AssessmentInputValidator.TextMaxLength + 1);
        var cut = RenderForm();
        Choose(cut, Perspective.Child);
        Rate(cut, WellbeingIndicator.Safe, 4, tooLong);

        cut.Find("form").Submit();

        WaitForMessage(cut, "#rating-Safe-comment-error", "Texten får vara högst 2 000 tecken.");
        Assert.Empty(_save.Calls);
        Assert.Equal("rating-Safe-comment-error", cut.Find("#rating-Safe-comment").GetAttribute("aria-describedby"));
        Assert.Equal(tooLong, ValueOf(cut, "#rating-Safe-comment"));
        Assert.Equal(string.Empty, TextOf(cut, "#rating-Included-comment-error"));
    }

    [Fact]
    public void AnErrorFromTheServiceIsShownAndTheFormStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Assessment_Score_Invalid", "Skatta varje område med ett värde från 1 till 5."));
        var cut = RenderForm();

        Choose(cut, Perspective.Child);
        Rate(cut, WellbeingIndicator.Safe, 4);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Skatta varje område med ett värde från 1 till 5.", cut.Find(".form-errors").TextContent, StringComparison.Ordinal), WaitTimeout);
        Assert.Single(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("4", ValueOf(cut, "#rating-Safe"));
    }

    [Fact]
    public void TheGuardianFieldIsShownOnlyForAGuardiansAssessment()
    {
        var cut = RenderForm();
        Assert.Empty(cut.FindAll(Guardian));

        Choose(cut, Perspective.Child);
        Assert.Empty(cut.FindAll(Guardian));

        Choose(cut, Perspective.Guardian);
        AssertLabelled(cut, "assessment-guardian", "Vilken vårdnadshavare");
        Assert.Equal("assessment-guardians", cut.Find(Guardian).GetAttribute("list"));
        Assert.Equal(Guardians, cut.FindAll("#assessment-guardians option").Select(o => o.GetAttribute("value")));

        Choose(cut, Perspective.Professionals);
        Assert.Empty(cut.FindAll(Guardian));
        Assert.Empty(cut.FindAll("#assessment-guardians"));
    }

    [Fact]
    public void ThePerspectivesAreRadioButtonsWithSwedishLabels()
    {
        var cut = RenderForm();

        AssertLabelled(cut, "assessment-perspective-Child", "Barnet");
        AssertLabelled(cut, "assessment-perspective-Guardian", "Vårdnadshavare");
        AssertLabelled(cut, "assessment-perspective-Professionals", "De professionella");
        Assert.Equal(3, cut.FindAll("input[type=radio]").Count);
        Assert.Empty(cut.FindAll("input[type=radio][checked]"));
    }

    [Theory]
    [InlineData(WellbeingIndicator.Safe, "Trygg")]
    [InlineData(WellbeingIndicator.Healthy, "Må bra")]
    [InlineData(WellbeingIndicator.Achieving, "Utvecklas")]
    [InlineData(WellbeingIndicator.Nurtured, "Omvårdad")]
    [InlineData(WellbeingIndicator.Active, "Aktiv")]
    [InlineData(WellbeingIndicator.Respected, "Respekterad")]
    [InlineData(WellbeingIndicator.Responsible, "Ansvarstagande")]
    [InlineData(WellbeingIndicator.Included, ConfiguredIncluded)]
    public void EachIndicatorsScoreAndCommentAreLabelledWithItsConfiguredOrDefaultSwedishLabel(WellbeingIndicator indicator, string label)
    {
        // Included is configured in Swedish (it wins over the resource); Healthy is configured empty and Safe only in
        // English (both fall back to the Swedish resource).
        var cut = RenderForm();

        AssertLabelled(cut, $"rating-{indicator}", label);
        Assert.Equal("select", cut.Find($"#rating-{indicator}").LocalName);
        AssertLabelled(cut, $"rating-{indicator}-comment", $"Kommentar om {label}");
        Assert.Equal("input", cut.Find($"#rating-{indicator}-comment").LocalName);
    }

    [Fact]
    public void TheWheelHasOneScoreAndOneCommentPerIndicatorInOrder()
    {
        var cut = RenderForm();

        Assert.Equal(
            Enum.GetValues<WellbeingIndicator>().Select(i => $"rating-{i}"),
            cut.FindAll("select").Select(s => s.Id));
        Assert.Equal(
            Enum.GetValues<WellbeingIndicator>().Select(i => $"rating-{i}-comment"),
            cut.FindAll("input[id$='-comment']").Select(s => s.Id));
    }

    [Fact]
    public void EachScoreOffersNotRatedAndOneToFiveWithSwedishTexts()
    {
        var cut = RenderForm();

        foreach (var select in cut.FindAll("select"))
        {
            var options = select.QuerySelectorAll("option").ToList();
            Assert.Equal(["", "1", "2", "3", "4", "5"], options.Select(o => o.GetAttribute("value")));
            Assert.Equal(
                ["Ej bedömt", "1 – mycket dåligt", "2 – dåligt", "3 – varken bra eller dåligt", "4 – bra", "5 – mycket bra"],
                options.Select(o => o.TextContent.Trim()));
            Assert.True(string.IsNullOrEmpty(select.GetAttribute("value")), $"{select.Id} starts rated: {select.GetAttribute("value")}");
        }
    }

    [Fact]
    public void TheTrianglesAndTheMatrixsTextsAreLabelledTextAreas()
    {
        var cut = RenderForm();

        AssertLabelled(cut, "myworld-growing-strengths", "Hur jag växer och utvecklas: Styrkor");
        AssertLabelled(cut, "myworld-care-concerns", "Vad jag behöver från dem som tar hand om mig: Svårigheter");
        AssertLabelled(cut, "myworld-world-strengths", "Min omvärld: Styrkor");
        AssertLabelled(cut, "resilience-resilience", "Motståndskraft (hos barnet)");
        AssertLabelled(cut, "resilience-adversity", "Motgångar (runt barnet)");
        Assert.Equal(Texts.Select(t => t.Id), cut.FindAll("textarea").Select(t => t.Id));
    }

    [Fact]
    public void EveryFieldHasALabelAndEveryDescriptionExists()
    {
        var cut = RenderForm();
        Choose(cut, Perspective.Guardian);

        AssertEveryFieldHasALabel(cut);
        AssertDescriptionsExist(cut);
        AssertLabelled(cut, "assessment-date", "Datum");
    }

    [Fact]
    public void CancelCallsBackAndSavesNothing()
    {
        var cut = RenderForm();
        Rate(cut, WellbeingIndicator.Safe, 4);

        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Avbryt").Click();

        Assert.Equal(1, _cancelled);
        Assert.Empty(_save.Calls);
    }

    private IRenderedComponent<AssessmentForm> RenderForm() =>
        RenderComponent<AssessmentForm>(p => p
            .Add(c => c.Guardians, Guardians)
            .Add(c => c.Save, _save.Save)
            .Add(c => c.OnSaved, perspective => _saved.Add(perspective))
            .Add(c => c.OnCancel, () => _cancelled++));

    private static void Choose(IRenderedComponent<AssessmentForm> cut, Perspective perspective) =>
        cut.Find($"#assessment-perspective-{perspective}").Change(perspective.ToString());

    private static void Rate(IRenderedComponent<AssessmentForm> cut, WellbeingIndicator indicator, int score, string? comment = null)
    {
        cut.Find($"#rating-{indicator}").Change(score.ToString(CultureInfo.InvariantCulture));
        if (comment is not null)
        {
            cut.Find($"#rating-{indicator}-comment").Change(comment);
        }
    }

    private static void FillTexts(IRenderedComponent<AssessmentForm> cut)
    {
        foreach (var (id, text) in Texts)
        {
            cut.Find($"#{id}").Change(text);
        }
    }

    private static void AssertTextsKept(IRenderedComponent<AssessmentForm> cut)
    {
        foreach (var (id, text) in Texts)
        {
            Assert.Equal(text, ValueOf(cut, $"#{id}"));
        }
    }

    /// <summary>What the form handed to Save, copied at the call (the form keeps the same input object).</summary>
    private sealed record Typed(
        DateOnly? AssessedOn, Perspective? Perspective, string? GuardianName, IReadOnlyList<RatingInput> Ratings, MyWorld MyWorld,
        ResilienceMatrix Resilience)
    {
        public static Typed Of(AssessmentInput input) => new(
            input.AssessedOn,
            input.Perspective,
            input.GuardianName,
            [.. input.Ratings.Select(r => new RatingInput { Indicator = r.Indicator, Score = r.Score, Comment = r.Comment })],
            input.MyWorld,
            input.Resilience);
    }
}

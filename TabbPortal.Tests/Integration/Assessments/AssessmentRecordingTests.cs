using TabbPortal.Domain.Assessments;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Assessments;
using static TabbPortal.Tests.Domain.Assessments.AssessmentTestInputs;
using static TabbPortal.Tests.Integration.Assessments.AssessmentTestExtensions;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Assessments;

/// <summary>
/// Assessments recorded through <see cref="AssessmentService"/> into the real SQLite database and listed back. Every
/// test looks only at the assessments it recorded itself (and at the order of the whole list), so the tests of the
/// class do not depend on each other.
/// </summary>
public sealed class AssessmentRecordingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_perspectives_on_different_days_are_listed_back_oldest_first_with_everything_intact()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var later = Input(
            new DateOnly(2026, 9, 14), Perspective.Professionals,
            (WellbeingIndicator.Safe, 4, "  Trivs i klassen "), (WellbeingIndicator.Active, 5, null), (WellbeingIndicator.Included, 2, "Leker ofta ensam"));
        Rating(later, WellbeingIndicator.Healthy).Comment = "Kommentar utan skattning";
        later.MyWorld = new MyWorld
        {
            GrowingStrengths = " Läser gärna.\nRäknar bra. ", GrowingConcerns = "Oroar sig för prov", CareStrengths = "Mamma hämtar varje dag",
            CareConcerns = "Pappa reser mycket", WorldStrengths = "Fotbollslaget", WorldConcerns = "  Långt till skolan",
        };
        later.Resilience = new ResilienceMatrix
        {
            Resilience = "Nyfiken och envis", Vulnerability = "Lätt att bli ledsen", ProtectiveEnvironment = "Morfar bor nära ", Adversity = "Flyttat tre gånger",
        };
        var earlier = Input(new DateOnly(2026, 2, 3), Perspective.Child, (WellbeingIndicator.Healthy, 3, "Sover dåligt"), (WellbeingIndicator.Respected, 1, null));
        earlier.MyWorld = new MyWorld { CareStrengths = "   " };
        earlier.Resilience = new ResilienceMatrix { Resilience = " Glad ", Adversity = " " };

        // The later one first, so that the order they were saved in is not the order of their dates.
        var laterId = await RecordAsync(alvaId, later);
        var earlierId = await RecordAsync(alvaId, earlier);
        var listed = await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(alvaId));

        Assert.Equal([earlierId, laterId], listed.Where(a => a.Id == laterId || a.Id == earlierId).Select(a => a.Id));
        Assert.Equal(listed.OrderBy(a => a.AssessedOn).Select(a => a.Id), listed.Select(a => a.Id));
        var karin = await DisplayNameAsync(factory, Karin);

        var first = Assert.Single(listed, a => a.Id == earlierId);
        Assert.Equal((new DateOnly(2026, 2, 3), Perspective.Child, (string?)null, karin), (first.AssessedOn, first.Perspective, first.GuardianName, first.RecordedBy));
        Assert.Equal(
            [new RatingView(WellbeingIndicator.Healthy, 3, "Sover dåligt"), new RatingView(WellbeingIndicator.Respected, 1, null)],
            first.Ratings);
        Assert.Equal(new MyWorld(), first.MyWorld);
        Assert.Equal(new ResilienceMatrix { Resilience = "Glad" }, first.Resilience);

        var second = Assert.Single(listed, a => a.Id == laterId);
        Assert.Equal((new DateOnly(2026, 9, 14), Perspective.Professionals, (string?)null, karin), (second.AssessedOn, second.Perspective, second.GuardianName, second.RecordedBy));
        Assert.Equal(
            [
                new RatingView(WellbeingIndicator.Safe, 4, "Trivs i klassen"),
                new RatingView(WellbeingIndicator.Active, 5, null),
                new RatingView(WellbeingIndicator.Included, 2, "Leker ofta ensam"),
            ],
            second.Ratings);
        Assert.Equal((4, null, 2), (second.ScoreOf(WellbeingIndicator.Safe), second.ScoreOf(WellbeingIndicator.Healthy), second.ScoreOf(WellbeingIndicator.Included)));
        Assert.Equal(
            new MyWorld
            {
                GrowingStrengths = "Läser gärna.\nRäknar bra.", GrowingConcerns = "Oroar sig för prov", CareStrengths = "Mamma hämtar varje dag",
                CareConcerns = "Pappa reser mycket", WorldStrengths = "Fotbollslaget", WorldConcerns = "Långt till skolan",
            },
            second.MyWorld);
        Assert.Equal(
            new ResilienceMatrix
            {
                Resilience = "Nyfiken och envis", Vulnerability = "Lätt att bli ledsen", ProtectiveEnvironment = "Morfar bor nära", Adversity = "Flyttat tre gånger",
            },
            second.Resilience);
    }

    [Fact]
    public async Task Only_rated_indicators_are_stored()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var input = Input(new DateOnly(2026, 5, 5), Perspective.Professionals, (WellbeingIndicator.Nurtured, 4, null), (WellbeingIndicator.Responsible, 3, null));
        Rating(input, WellbeingIndicator.Safe).Comment = "Kommentar utan skattning";

        var id = await RecordAsync(alvaId, input);

        var row = Assert.Single(await AssessmentsInDatabaseAsync(factory, alvaId), a => a.Id == id);
        Assert.Equal(
            [(WellbeingIndicator.Nurtured, 4), (WellbeingIndicator.Responsible, 3)],
            row.Ratings.Select(r => (r.Indicator, r.Score)).OrderBy(r => r.Indicator));
        Assert.Equal((alvaId, await UserIdAsync(factory, Karin)), (row.ChildId, row.RecordedByUserId));
    }

    [Fact]
    public async Task A_guardians_assessment_keeps_the_guardians_name()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var input = Input(new DateOnly(2026, 6, 1), Perspective.Guardian, (WellbeingIndicator.Safe, 2, "Orolig inför skolstarten"));
        input.GuardianName = " Johanna  Lindgren ";

        var id = await RecordAsync(alvaId, input);

        var listed = Assert.Single(await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(alvaId)), a => a.Id == id);
        Assert.Equal((Perspective.Guardian, "Johanna Lindgren"), (listed.Perspective, listed.GuardianName));
        Assert.Equal([new RatingView(WellbeingIndicator.Safe, 2, "Orolig inför skolstarten")], listed.Ratings);
    }

    [Fact]
    public async Task Each_guardian_has_assessments_of_their_own()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var mother = Input(new DateOnly(2026, 7, 1), Perspective.Guardian, (WellbeingIndicator.Safe, 2, null));
        mother.GuardianName = "Johanna Lindgren";
        var father = Input(new DateOnly(2026, 7, 2), Perspective.Guardian, (WellbeingIndicator.Safe, 4, null));
        father.GuardianName = "Mikael Lindgren";

        var motherId = await RecordAsync(alvaId, mother);
        var fatherId = await RecordAsync(alvaId, father);

        var listed = await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(alvaId));
        Assert.Equal(
            [(motherId, "Johanna Lindgren", 2), (fatherId, "Mikael Lindgren", 4)],
            listed.Where(a => a.Id == motherId || a.Id == fatherId).Select(a => (a.Id, a.GuardianName, a.ScoreOf(WellbeingIndicator.Safe) ?? 0)));
    }

    [Fact]
    public async Task Another_perspective_does_not_keep_a_guardians_name()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var input = Input(new DateOnly(2026, 6, 2), Perspective.Child, (WellbeingIndicator.Safe, 5, null));
        input.GuardianName = "Johanna Lindgren";

        var id = await RecordAsync(alvaId, input);

        var listed = Assert.Single(await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(alvaId)), a => a.Id == id);
        Assert.Equal((Perspective.Child, (string?)null), (listed.Perspective, listed.GuardianName));
    }

    [Fact]
    public async Task A_colleague_who_may_see_the_child_lists_what_another_recorded()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var id = await RecordAsync(alvaId, Input(new DateOnly(2026, 4, 4), Perspective.Professionals, (WellbeingIndicator.Achieving, 3, null)));

        var listed = await factory.AssessmentsAsAsync(Omar, s => s.ListAsync(alvaId));

        Assert.Equal(await DisplayNameAsync(factory, Karin), Assert.Single(listed, a => a.Id == id).RecordedBy);
    }

    [Fact]
    public async Task A_child_without_assessments_has_an_empty_list()
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");

        Assert.Empty(await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(noahId)));
        Assert.Empty(await AssessmentsInDatabaseAsync(factory, noahId));
    }

    [Fact]
    public async Task Invalid_assessments_are_returned_with_their_errors_and_nothing_is_stored()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var before = (await AssessmentsInDatabaseAsync(factory, alvaId)).Count;
        var ratingsBefore = await CountRatingsInDatabaseAsync(factory);
        var today = DateOnly.FromDateTime(DateTime.Now);

        var unrated = Input(today, Perspective.Child);
        var noPerspective = Input(today, null, (WellbeingIndicator.Safe, 3, null));
        var noGuardian = Input(today, Perspective.Guardian, (WellbeingIndicator.Safe, 3, null));
        var future = Input(today.AddDays(2), Perspective.Child, (WellbeingIndicator.Safe, 3, null));
        var outOfRange = Input(today, Perspective.Child, (WellbeingIndicator.Safe, 3, null), (WellbeingIndicator.Included, 6, null));
        var twice = Input(today, Perspective.Child, (WellbeingIndicator.Safe, 3, null));
        twice.Ratings.Add(new RatingInput { Indicator = WellbeingIndicator.Safe, Score = 4 });

        (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, unrated))).AssertFailedWith(nameof(AssessmentInput.Ratings), "Assessment_Ratings_Required");
        (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, noPerspective))).AssertFailedWith(nameof(AssessmentInput.Perspective), "Assessment_Perspective_Required");
        (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, noGuardian))).AssertFailedWith(nameof(AssessmentInput.GuardianName), "Assessment_Guardian_Required");
        (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, future))).AssertFailedWith(nameof(AssessmentInput.AssessedOn), "Assessment_Date_Invalid");
        (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, outOfRange))).AssertFailedWith("Ratings[7].Score", "Assessment_Score_Invalid");
        var duplicate = await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, twice));
        Assert.False(duplicate.Succeeded, "An indicator rated twice was saved.");
        Assert.Equal("Assessment_Score_Invalid", Assert.Single(duplicate.Errors).Code);

        Assert.Equal(before, (await AssessmentsInDatabaseAsync(factory, alvaId)).Count);
        Assert.Equal(ratingsBefore, await CountRatingsInDatabaseAsync(factory));
    }

    [Fact]
    public async Task An_assessment_dated_today_is_accepted()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var today = DateOnly.FromDateTime(DateTime.Now);

        var id = await RecordAsync(alvaId, Input(today, Perspective.Professionals, (WellbeingIndicator.Safe, 3, null)));

        Assert.Equal(today, Assert.Single(await factory.AssessmentsAsAsync(Karin, s => s.ListAsync(alvaId)), a => a.Id == id).AssessedOn);
    }

    private async Task<Guid> RecordAsync(Guid childId, AssessmentInput input)
    {
        var saved = await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(childId, input));
        saved.AssertSaved();
        return saved.Id!.Value;
    }
}

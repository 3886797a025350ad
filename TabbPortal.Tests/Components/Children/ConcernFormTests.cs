using System.Globalization;
using Bunit;
using TabbPortal.Domain.Concerns;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Children;
using TabbPortal.Web.Components.Pages.Children;

namespace TabbPortal.Tests.Components.Children;

public sealed class ConcernFormTests : ChildrenFormTestContext
{
    private const string WhatError = "#concern-what-error";
    private const string DecisionError = "#concern-decision-error";
    private const string HandOverUnit = "#concern-handover-unit";
    private const string ReportedOn = "#concern-reported-on";
    private const string What = "Elsa kommer ofta hungrig till skolan och somnar på lektionerna.";

    private static readonly Guid SavedId = Guid.NewGuid();
    private static readonly Guid ChildId = Guid.NewGuid();
    private static readonly Guid SocialServicesFlenId = Guid.NewGuid();
    private static readonly Guid StudentHealthFlenId = Guid.NewGuid();
    private static readonly Guid ChildPsychiatryId = Guid.NewGuid();

    private static readonly Option[] Units =
    [
        new(SocialServicesFlenId.ToString(), "Socialtjänsten Flen", "Flens kommun"),
        new(StudentHealthFlenId.ToString(), "Elevhälsan Flen", "Flens kommun"),
        new(ChildPsychiatryId.ToString(), "BUP Nyköping", "Region Sörmland"),
    ];

    private readonly SaveSpy<ConcernInput, Typed> _save = new(Typed.Of, SaveResult.Saved(SavedId));
    private readonly List<Guid> _saved = [];
    private int _cancelled;

    [Theory]
    [InlineData("concern-what", "Vad hindrar barnet från att må bra?")]
    [InlineData("concern-information", "Har jag all information jag behöver?")]
    [InlineData("concern-i-can", "Vad kan jag göra nu?")]
    [InlineData("concern-agency-can", "Vad kan min verksamhet göra nu?")]
    [InlineData("concern-others", "Vilket ytterligare stöd behövs, om något, från andra?")]
    public void EachOfTheFiveQuestionsLabelsItsTextArea(string id, string question)
    {
        var cut = RenderForm();

        AssertLabelled(cut, id, question);
        Assert.Equal("textarea", cut.Find($"#{id}").LocalName);
    }

    [Fact]
    public void AsksTheFiveQuestionsInOrderAndOffersTheThreeDecisions()
    {
        var cut = RenderForm();

        Assert.Equal("Ny oro", TextOf(cut, "#concern-form-title"));
        Assert.Equal(
            [
                "Vad hindrar barnet från att må bra?",
                "Har jag all information jag behöver?",
                "Vad kan jag göra nu?",
                "Vad kan min verksamhet göra nu?",
                "Vilket ytterligare stöd behövs, om något, från andra?",
            ],
            cut.FindAll("textarea").Select(t => cut.Find($"label[for='{t.Id}']").TextContent.Trim()));
        Assert.Contains("Beslut", cut.FindAll("legend").Select(l => l.TextContent.Trim()));
        Assert.Equal(
            [
                "Hantera inom den egna verksamheten",
                "Lämna över till en annan verksamhet",
                "Inhämta samtycke och kalla till samverkansmöte",
            ],
            cut.FindAll("input[type=radio]").Select(r => cut.Find($"label[for='{r.Id}']").TextContent.Trim()));
        AssertLabelled(cut, "concern-reported", "En orosanmälan har gjorts");
    }

    [Fact]
    public void AValidConcernIsSavedWithTheAnswersTheDecisionAndTheChild()
    {
        var cut = RenderForm();

        FillAnswers(cut, What, "Vet inte hur det ser ut hemma.", "Prata med Elsa.", "Erbjuda frukost.", "Socialtjänsten.");
        Choose(cut, ConcernDecision.ConsentAndJointMeeting);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([SavedId], _saved), WaitTimeout);
        Assert.Equal(
            new Typed(ChildId, What, "Vet inte hur det ser ut hemma.", "Prata med Elsa.", "Erbjuda frukost.", "Socialtjänsten.",
                ConcernDecision.ConsentAndJointMeeting, null, false, null),
            Assert.Single(_save.Calls));
    }

    [Fact]
    public void OnlyTheFirstQuestionMustBeAnswered()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(
            new Typed(ChildId, What, null, null, null, null, ConcernDecision.HandleWithinAgency, null, false, null),
            Assert.Single(_save.Calls));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public void AMissingFirstAnswerIsNotSavedAndTheOtherAnswersStay(string what)
    {
        var cut = RenderForm();

        FillAnswers(cut, what, "Vet inte.", "Prata med Elsa.");
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("form").Submit();

        WaitForMessage(cut, WhatError, "Beskriv vad som hindrar barnet från att må bra.");
        Assert.Empty(_save.Calls);
        Assert.Empty(_saved);
        Assert.Equal("Vet inte.", ValueOf(cut, "#concern-information"));
        Assert.Equal("Prata med Elsa.", ValueOf(cut, "#concern-i-can"));
        Assert.True(cut.Find("#concern-decision-HandleWithinAgency").HasAttribute("checked"));
        Assert.Equal(string.Empty, TextOf(cut, DecisionError));
    }

    [Fact]
    public void AMissingDecisionIsNotSavedAndTheAnswersStay()
    {
        var cut = RenderForm();

        FillAnswers(cut, What, "Vet inte.");
        cut.Find("form").Submit();

        WaitForMessage(cut, DecisionError, "Välj vad som ska hända härnäst.");
        Assert.Empty(_save.Calls);
        Assert.Equal(What, ValueOf(cut, "#concern-what"));
        Assert.Equal("Vet inte.", ValueOf(cut, "#concern-information"));
        Assert.Equal(string.Empty, TextOf(cut, WhatError));
    }

    [Fact]
    public void AnEmptyFormShowsBothMessages()
    {
        var cut = RenderForm();

        cut.Find("form").Submit();

        WaitForMessage(cut, WhatError, "Beskriv vad som hindrar barnet från att må bra.");
        Assert.Equal("Välj vad som ska hända härnäst.", TextOf(cut, DecisionError));
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void TheHandOverUnitIsAskedForOnlyWhenHandingOver()
    {
        var cut = RenderForm();
        Assert.Empty(cut.FindAll(HandOverUnit));

        Choose(cut, ConcernDecision.HandleWithinAgency);
        Assert.Empty(cut.FindAll(HandOverUnit));

        Choose(cut, ConcernDecision.HandOverToAnotherAgency);
        AssertLabelled(cut, "concern-handover-unit", "Lämnas över till");
        Assert.Equal("Välj …", TextOf(cut, $"{HandOverUnit} > option"));
        Assert.Equal(["Flens kommun", "Region Sörmland"], cut.FindAll($"{HandOverUnit} optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(
            ["Socialtjänsten Flen", "Elevhälsan Flen"],
            cut.FindAll($"{HandOverUnit} optgroup[label='Flens kommun'] option").Select(o => o.TextContent.Trim()));

        Choose(cut, ConcernDecision.ConsentAndJointMeeting);
        Assert.Empty(cut.FindAll(HandOverUnit));
    }

    [Fact]
    public void HandingOverWithoutAUnitIsNotSaved()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandOverToAnotherAgency);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#concern-handover-unit-error", "Välj vilken enhet oron lämnas över till.");
        Assert.Empty(_save.Calls);
        Assert.Equal(What, ValueOf(cut, "#concern-what"));
        Assert.True(cut.Find("#concern-decision-HandOverToAnotherAgency").HasAttribute("checked"));
    }

    [Fact]
    public void HandingOverToAUnitIsSavedWithTheUnit()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandOverToAnotherAgency);
        cut.Find(HandOverUnit).Change(ChildPsychiatryId.ToString());
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(
            new Typed(ChildId, What, null, null, null, null, ConcernDecision.HandOverToAnotherAgency, ChildPsychiatryId, false, null),
            Assert.Single(_save.Calls));
    }

    [Fact]
    public void AServerErrorForTheUnitIsShownAtTheUnitAndTheChoiceStays()
    {
        _save.Result = SaveResult.Failed(new FieldError(nameof(ConcernInput.HandOverToUnitId), "Concern_HandOverUnit_Required", "server text"));
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandOverToAnotherAgency);
        cut.Find(HandOverUnit).Change(StudentHealthFlenId.ToString());
        cut.Find("form").Submit();

        WaitForMessage(cut, "#concern-handover-unit-error", "Välj vilken enhet oron lämnas över till.");
        Assert.Empty(_saved);
        Assert.Equal(StudentHealthFlenId.ToString(), ValueOf(cut, HandOverUnit));
        Assert.Equal(What, ValueOf(cut, "#concern-what"));
    }

    [Fact]
    public void TheReportDateIsAskedForOnlyWhenTheReportBoxIsChecked()
    {
        var cut = RenderForm();
        Assert.Empty(cut.FindAll(ReportedOn));

        cut.Find("#concern-reported").Change(true);
        AssertLabelled(cut, "concern-reported-on", "Datum för anmälan");
        Assert.Equal("date", cut.Find(ReportedOn).GetAttribute("type"));

        cut.Find("#concern-reported").Change(false);
        Assert.Empty(cut.FindAll(ReportedOn));
    }

    [Fact]
    public void ACheckedReportWithoutADateIsNotSaved()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("#concern-reported").Change(true);
        cut.Find("form").Submit();

        WaitForMessage(cut, "#concern-reported-on-error", "Ange när anmälan till socialtjänsten gjordes.");
        Assert.Empty(_save.Calls);
        Assert.True(cut.Find("#concern-reported").HasAttribute("checked"));
        Assert.Equal(What, ValueOf(cut, "#concern-what"));
    }

    [Fact]
    public void AReportDatedInTheFutureIsNotSavedAndTheDateStays()
    {
        // The day after the fixed "today": in the past for the real clock, so this fails if the rule ignores the injected clock.
        var tomorrow = Today.AddDays(1);
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("#concern-reported").Change(true);
        cut.Find(ReportedOn).Change(IsoDate(tomorrow));
        cut.Find("form").Submit();

        WaitForMessage(cut, "#concern-reported-on-error", "Datumet för anmälan kan inte ligga i framtiden.");
        Assert.Empty(_save.Calls);
        Assert.Equal(IsoDate(tomorrow), ValueOf(cut, ReportedOn));
    }

    [Fact]
    public void AReportMadeTodayIsSavedWithItsDate()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.ConsentAndJointMeeting);
        cut.Find("#concern-reported").Change(true);
        cut.Find(ReportedOn).Change(IsoDate(Today));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.Equal(
            new Typed(ChildId, What, null, null, null, null, ConcernDecision.ConsentAndJointMeeting, null, true, Today),
            Assert.Single(_save.Calls));
    }

    [Fact]
    public void UncheckingTheReportBoxLetsTheConcernBeSavedWhateverDateWasTyped()
    {
        var cut = RenderForm();

        FillAnswers(cut, What);
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("#concern-reported").Change(true);
        cut.Find(ReportedOn).Change(IsoDate(Today.AddDays(1)));
        cut.Find("#concern-reported").Change(false);
        cut.Find("form").Submit();

        // The date field is hidden again, so a message about it could not be seen: the concern must be saved.
        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        Assert.False(Assert.Single(_save.Calls).ReportedToSocialServices);
    }

    [Fact]
    public void CorrectingTheFirstAnswerClearsItsMessage()
    {
        var cut = RenderForm();
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("form").Submit();
        WaitForMessage(cut, WhatError, "Beskriv vad som hindrar barnet från att må bra.");

        cut.Find("#concern-what").Change(What);

        WaitForMessage(cut, WhatError, string.Empty);
    }

    [Fact]
    public void AfterSavingTheFormIsEmptyAndValidatesTheNextConcern()
    {
        var cut = RenderForm();
        FillAnswers(cut, What, "Vet inte.");
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);

        cut.WaitForAssertion(() => Assert.Equal(string.Empty, ValueOf(cut, "#concern-what") ?? string.Empty), WaitTimeout);
        Assert.Equal(string.Empty, ValueOf(cut, "#concern-information") ?? string.Empty);
        Assert.Empty(cut.FindAll("input[type=radio][checked]"));

        cut.Find("form").Submit();
        WaitForMessage(cut, WhatError, "Beskriv vad som hindrar barnet från att må bra.");
        Assert.Single(_save.Calls);
    }

    [Fact]
    public void AConcurrencyConflictIsShownForTheWholeFormAndTheAnswersStay()
    {
        _save.Result = SaveResult.Failed(new FieldError(string.Empty, "Concurrency_Conflict", "server text"));
        var cut = RenderForm();

        FillAnswers(cut, What, "Vet inte.");
        Choose(cut, ConcernDecision.HandleWithinAgency);
        cut.Find("form").Submit();

        WaitForMessage(cut, ".form-errors[role=alert]",
            "Någon annan har sparat ändringar sedan du öppnade formuläret. Dina uppgifter finns kvar: ladda om för att se de sparade värdena.");
        Assert.Empty(_saved);
        Assert.Equal(What, ValueOf(cut, "#concern-what"));
        Assert.Equal("Vet inte.", ValueOf(cut, "#concern-information"));
        Assert.True(cut.Find("#concern-decision-HandleWithinAgency").HasAttribute("checked"));
    }

    [Fact]
    public void CancelRaisesOnCancelWithoutSaving()
    {
        var cut = RenderForm();
        FillAnswers(cut, What);

        ClickButton(cut, "Avbryt");

        Assert.Equal(1, _cancelled);
        Assert.Empty(_save.Calls);
    }

    [Fact]
    public void EveryFieldHasALabelAndEveryDescriptionExistsWithEverythingShown()
    {
        var cut = RenderForm();
        Choose(cut, ConcernDecision.HandOverToAnotherAgency);
        cut.Find("#concern-reported").Change(true);

        AssertEveryFieldHasALabel(cut);
        AssertDescriptionsExist(cut);
    }

    private IRenderedComponent<ConcernForm> RenderForm() =>
        RenderComponent<ConcernForm>(p => p
            .Add(f => f.ChildId, ChildId)
            .Add(f => f.Units, Units)
            .Add(f => f.Save, _save.Save)
            .Add(f => f.OnSaved, id => _saved.Add(id))
            .Add(f => f.OnCancel, () => _cancelled++));

    private static void FillAnswers(IRenderedFragment cut, string what, params string[] others)
    {
        cut.Find("#concern-what").Change(what);
        string[] ids = ["#concern-information", "#concern-i-can", "#concern-agency-can", "#concern-others"];
        for (var i = 0; i < others.Length; i++)
        {
            cut.Find(ids[i]).Change(others[i]);
        }
    }

    private static void Choose(IRenderedFragment cut, ConcernDecision decision) =>
        cut.Find($"#concern-decision-{decision}").Change(decision.ToString());

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Typed(
        Guid ChildId, string WhatIsInTheWay, string? InformationNeeded, string? WhatICanDo, string? WhatMyAgencyCanDo, string? HelpNeededFromOthers,
        ConcernDecision? Decision, Guid? HandOverToUnitId, bool ReportedToSocialServices, DateOnly? ReportedOn)
    {
        public static Typed Of(ConcernInput i) => new(
            i.ChildId, i.WhatIsInTheWay, i.InformationNeeded, i.WhatICanDo, i.WhatMyAgencyCanDo, i.HelpNeededFromOthers,
            i.Decision, i.HandOverToUnitId, i.ReportedToSocialServices, i.ReportedOn);
    }
}

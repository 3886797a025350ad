using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Components.Pages.Questionnaire;
using TabbPortal.Web.FollowUp;

namespace TabbPortal.Tests.Components.FollowUp;

public sealed class QuestionnaireFormTests : SwedishFormTestContext
{
    private readonly SaveSpy<EffectResponseInput, (RespondentKind? Kind, Dictionary<string, int?> Answers, Guid? Municipality, string? Month)> _save =
        new(i => (i.Kind, new Dictionary<string, int?>(i.Answers), i.MunicipalityId, i.Month), SaveResult.Saved(Guid.NewGuid()));

    private int _saved;

    public QuestionnaireFormTests() =>
        Services.AddScoped<IValidator<EffectResponseInput>>(_ => new EffectResponseInputValidator(TimeProvider.System));

    [Fact]
    public void AsksWhoIsAnsweringBeforeAnythingIsSent()
    {
        var cut = Render();

        cut.Find("form").Submit();

        WaitForMessage(cut, "#answer-kind-error", "Välj vem som svarar.");
        Assert.Empty(_save.Calls);
        Assert.Empty(cut.FindAll("fieldset.likert"));
    }

    [Fact]
    public void AGuardianGetsTheGuardiansStatementsOnAScaleOfOneToFiveWithLabelledChoices()
    {
        var cut = Render();

        cut.Find("#answer-kind-guardian").Change("Guardian");

        var questions = cut.FindAll("fieldset.likert");
        Assert.Equal(4, questions.Count);
        Assert.Equal("Vi har fått mer stöd sedan skola, socialtjänst och vård började samverka kring vårt barn.", questions[0].QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal("1 Stämmer inte alls", cut.Find("label[for='answer-G1-1']").TextContent.Trim());
        Assert.Equal("5 Stämmer helt", cut.Find("label[for='answer-G1-5']").TextContent.Trim());
        Assert.Equal("Vet inte / vill inte svara", cut.Find("label[for='answer-G1-none']").TextContent.Trim());
        Assert.Empty(cut.FindAll("textarea"));
        AssertEveryFieldHasALabel(cut);
    }

    [Fact]
    public void TheChildsVersionUsesSimpleWords()
    {
        var cut = Render();

        cut.Find("#answer-kind-child").Change("Child");

        Assert.Equal("Jag får mer hjälp nu.", cut.Find("[data-testid='question-C1'] legend").TextContent.Trim());
        Assert.Equal("5 Ja, precis så", cut.Find("label[for='answer-C1-5']").TextContent.Trim());
    }

    [Fact]
    public void AtLeastOneAnswerIsAskedForAtTheQuestions()
    {
        var cut = Render();
        cut.Find("#answer-kind-professional").Change("Professional");

        cut.Find("form").Submit();

        WaitForMessage(cut, "#answer-answers-error", "Svara på minst en fråga.");
        Assert.Empty(_save.Calls);
        Assert.Equal("checked", cut.Find("#answer-kind-professional").GetAttribute("checked") is null ? null : "checked");
    }

    [Fact]
    public void SendsTheChosenAnswersAndSkippedOnesAsNoAnswer()
    {
        var cut = Render();
        cut.Find("#answer-kind-guardian").Change("Guardian");
        cut.Find("#answer-G1-4").Change("4");
        cut.Find("#answer-G3-2").Change("2");
        cut.Find("#answer-G3-none").Change("");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(_save.Calls), WaitTimeout);
        var sent = _save.Calls[0];
        Assert.Equal(RespondentKind.Guardian, sent.Kind);
        Assert.Equal(4, sent.Answers["G1"]);
        Assert.Null(sent.Answers["G3"]);
        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
    }

    [Fact]
    public void APaperQuestionnaireAsksForMunicipalityAndMonthAtTheirFields()
    {
        var cut = Render(new EffectResponseInput(), [new MunicipalityChoice(Guid.NewGuid(), "Flen kommun"), new MunicipalityChoice(Guid.NewGuid(), "Trosa kommun")]);
        cut.Find("#answer-kind-guardian").Change("Guardian");
        cut.Find("#answer-G2-5").Change("5");

        cut.Find("form").Submit();

        WaitForMessage(cut, "#answer-municipality-error", "Välj kommun.");
        WaitForMessage(cut, "#answer-month-error", "Ange månaden för mötet (år och månad).");
        Assert.Empty(_save.Calls);
        Assert.Equal("checked", cut.Find("#answer-G2-5").HasAttribute("checked") ? "checked" : null);
        AssertLabelled(cut, "answer-municipality", "Kommun");
        AssertLabelled(cut, "answer-month", "Månad för mötet");
        AssertDescriptionsExist(cut);
    }

    private IRenderedComponent<QuestionnaireForm> Render(EffectResponseInput? input = null, IReadOnlyList<MunicipalityChoice>? municipalities = null) =>
        RenderComponent<QuestionnaireForm>(p => p
            .Add(x => x.Input, input ?? new EffectResponseInput { MunicipalityId = Guid.NewGuid(), Month = "2026-11" })
            .Add(x => x.IdPrefix, "answer")
            .Add(x => x.Title, "Frågor")
            .Add(x => x.Municipalities, municipalities)
            .Add(x => x.Save, _save.Save)
            .Add(x => x.OnSaved, () => _saved++));
}

using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Children;
using TabbPortal.Web.Components.Pages.Plans;
using TabbPortal.Web.Plans;

namespace TabbPortal.Tests.Components.Plans;

public sealed class ActionEditorTests : SwedishFormTestContext
{
    private static readonly Guid NeedId = Guid.NewGuid();
    private static readonly Guid SchoolId = Guid.NewGuid();
    private static readonly Guid SocialServicesId = Guid.NewGuid();

    private static readonly IReadOnlyList<Option> Units =
    [
        new(SchoolId.ToString(), "Ekskolan", "Flen kommun"),
        new(SocialServicesId.ToString(), "Socialtjänsten, barn och unga", "Flen kommun"),
    ];

    private readonly List<(ActionInput Input, Guid? Version)> _calls = [];
    private readonly Queue<ActionSaveResult> _results = new();
    private int _saved;

    public ActionEditorTests()
    {
        Services.AddScoped<IValidator<ActionInput>, ActionInputValidator>();
    }

    [Fact]
    public void SavesAValidNewActionWithTheTypedValues()
    {
        _results.Enqueue(new ActionSaveResult(SaveResult.Saved(Guid.NewGuid()), null, null));
        var cut = Render(new ActionInput { NeedId = NeedId }, version: null);

        Fill(cut, "Lästräning", SchoolId, "2026-12-01", "2027-01-31", "Alva läser med flyt");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        var (input, version) = Assert.Single(_calls);
        Assert.Null(version);
        Assert.Equal("Lästräning", input.Description);
        Assert.Equal(SchoolId, input.ResponsibleUnitId);
        Assert.Equal(new DateOnly(2027, 1, 31), input.DueOn);
        Assert.Equal(ActionStatus.Planned, input.Status);
    }

    [Fact]
    public void TickingTheFamilyBoxSavesTheActionAsWithheldFromTheFamily()
    {
        _results.Enqueue(new ActionSaveResult(SaveResult.Saved(Guid.NewGuid()), null, null));
        var cut = Render(new ActionInput { NeedId = NeedId }, version: null);
        Assert.Equal("Visas inte i familjens exemplar", TextOf(cut, "label[for=action-withheld]"));

        Fill(cut, "Utredning hos elevhälsan", SchoolId, "2026-12-01", "2027-01-31", "Svar på frågan");
        cut.Find("#action-withheld").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        Assert.True(Assert.Single(_calls).Input.WithheldFromFamily);
    }

    [Fact]
    public void ADueDateBeforeTheStartIsRefusedAtTheFieldAndNothingIsSaved()
    {
        var cut = Render(new ActionInput { NeedId = NeedId }, version: null);

        Fill(cut, "Lästräning", SchoolId, "2027-02-01", "2027-01-31", "Alva läser med flyt");
        cut.Find("form").Submit();

        WaitForMessage(cut, "#action-due-error", "Slutdatum kan inte ligga före startdatum.");
        Assert.Empty(_calls);
        Assert.Equal("Lästräning", cut.Find("#action-description").GetAttribute("value"));
    }

    [Fact]
    public void MissingDescriptionUnitAndOutcomeAreNamedAtTheirFields()
    {
        var cut = Render(new ActionInput { NeedId = NeedId }, version: null);

        cut.Find("form").Submit();

        WaitForMessage(cut, "#action-description-error", "Beskriv insatsen.");
        WaitForMessage(cut, "#action-unit-error", "Välj ansvarig enhet.");
        WaitForMessage(cut, "#action-outcome-error", "Beskriv önskat resultat.");
        Assert.Empty(_calls);
    }

    [Fact]
    public void AConflictShowsBothValuesAndSavingMineUsesTheirVersion()
    {
        var mineVersion = Guid.NewGuid();
        var theirVersion = Guid.NewGuid();
        var original = Existing();
        var cut = RenderInConflict(original.Copy(), mineVersion, theirVersion);
        _results.Enqueue(new ActionSaveResult(SaveResult.Saved(original.Id!.Value), null, null));

        var conflict = cut.Find("[data-testid=action-conflict]");
        Assert.Equal("alert", conflict.GetAttribute("role"));
        var row = Assert.Single(conflict.QuerySelectorAll("tbody tr"));
        Assert.Equal("Önskat resultat", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["Alva läser en hel bok själv", "Alva läser högt för klassen"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Contains("Någon annan sparade samma insats", cut.Find(".form-errors").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, _saved);

        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Spara mina uppgifter").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        Assert.Equal(2, _calls.Count);
        Assert.Equal(mineVersion, _calls[0].Version);
        Assert.Equal(theirVersion, _calls[1].Version);
        Assert.Equal("Alva läser högt för klassen", _calls[1].Input.DesiredOutcome);
    }

    [Fact]
    public void AfterAConflictTheVersionSeenIsKeptWhenThePageHandsTheEditorItsParametersAgain()
    {
        var mineVersion = Guid.NewGuid();
        var theirVersion = Guid.NewGuid();
        var input = Existing().Copy();
        var cut = RenderInConflict(input, mineVersion, theirVersion);

        // In a meeting the page renders on every change anyone saves, and hands the editor the version it started from.
        cut.SetParametersAndRender(p => p.Add(c => c.Input, input).Add(c => c.Version, mineVersion));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Spara mina uppgifter").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, _saved), WaitTimeout);
        Assert.Equal(theirVersion, _calls[1].Version);
    }

    [Fact]
    public void AfterAConflictTakingTheirsPutsTheSavedValuesInTheForm()
    {
        var cut = RenderInConflict(Existing().Copy(), Guid.NewGuid(), Guid.NewGuid(), theirs => theirs.Status = ActionStatus.InProgress);

        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Använd de sparade uppgifterna").Click();

        Assert.Empty(cut.FindAll("[data-testid=action-conflict]"));
        Assert.Equal("Alva läser en hel bok själv", cut.Find("#action-outcome").GetAttribute("value"));
        Assert.Equal("InProgress", cut.Find("#action-status").GetAttribute("value"));
        Assert.Equal(0, _saved);
    }

    [Fact]
    public void EveryFieldHasALabel()
    {
        var cut = Render(new ActionInput { NeedId = NeedId }, version: null);

        AssertLabelled(cut, "action-description", "Insats");
        AssertLabelled(cut, "action-unit", "Ansvarig enhet");
        AssertLabelled(cut, "action-person", "Ansvarig person");
        AssertLabelled(cut, "action-start", "Startdatum");
        AssertLabelled(cut, "action-due", "Klart senast");
        AssertLabelled(cut, "action-outcome", "Önskat resultat");
        AssertLabelled(cut, "action-evidence", "Hur resultatet ska synas");
        AssertLabelled(cut, "action-status", "Status");
    }

    private static ActionInput Existing() => new()
    {
        Id = Guid.NewGuid(),
        NeedId = NeedId,
        Description = "Lästräning",
        ResponsibleUnitId = SchoolId,
        StartOn = new DateOnly(2026, 12, 1),
        DueOn = new DateOnly(2027, 1, 31),
        DesiredOutcome = "Alva läser med flyt",
        Status = ActionStatus.Planned,
    };

    /// <summary>
    /// The editor of <paramref name="input"/> at <paramref name="mineVersion"/>, after the user changed the desired outcome and
    /// saved while someone else had saved another one (<paramref name="theirVersion"/>, plus <paramref name="alsoTheirs"/>):
    /// the conflict is shown.
    /// </summary>
    private IRenderedComponent<ActionEditor> RenderInConflict(ActionInput input, Guid mineVersion, Guid theirVersion, Action<ActionInput>? alsoTheirs = null)
    {
        var theirs = input.Copy();
        theirs.DesiredOutcome = "Alva läser en hel bok själv";
        alsoTheirs?.Invoke(theirs);
        _results.Enqueue(new ActionSaveResult(SaveResult.Failed(new FieldError(string.Empty, "Action_Conflict", "conflict")), theirs, theirVersion));
        var cut = Render(input, mineVersion);
        cut.Find("#action-outcome").Change("Alva läser högt för klassen");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=action-conflict]")), WaitTimeout);
        return cut;
    }

    private IRenderedComponent<ActionEditor> Render(ActionInput input, Guid? version) =>
        RenderComponent<ActionEditor>(p => p
            .Add(c => c.Input, input)
            .Add(c => c.Version, version)
            .Add(c => c.Units, Units)
            .Add(c => c.Save, (i, v) =>
            {
                _calls.Add((i.Copy(), v));
                return Task.FromResult(_results.Count > 0 ? _results.Dequeue() : new ActionSaveResult(SaveResult.Saved(Guid.NewGuid()), null, null));
            })
            .Add(c => c.OnSaved, _ => _saved++));

    private static void Fill(IRenderedComponent<ActionEditor> cut, string description, Guid unit, string start, string due, string outcome)
    {
        cut.Find("#action-description").Change(description);
        cut.Find("#action-unit").Change(unit.ToString());
        cut.Find("#action-start").Change(start);
        cut.Find("#action-due").Change(due);
        cut.Find("#action-outcome").Change(outcome);
    }
}

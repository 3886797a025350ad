using System.Text.Json;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Live;
using TabbPortal.Web.Plans;

namespace TabbPortal.Tests.Domain.Plans;

/// <summary>
/// A plan page takes an action saved or removed, the views saved and a need's family mark in from the message alone;
/// anything it cannot place exactly it refuses, and the page reads the plan again.
/// </summary>
public sealed class PlanLiveUpdateTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid PlanId = Guid.NewGuid();
    private static readonly Guid PlanVersion = Guid.NewGuid();
    private static readonly Guid ReadingNeed = Guid.NewGuid();
    private static readonly Guid SleepNeed = Guid.NewGuid();
    private static readonly Guid Ekskolan = Guid.NewGuid();
    private static readonly Guid SocialServices = Guid.NewGuid();

    private static readonly ActionView Reading = new(Guid.NewGuid(), ReadingNeed, "Lästräning", Ekskolan, "Ekskolan", Sector.School, "Omar Haddad",
        Today.AddDays(-10), Today.AddDays(20), "Läser med flyt", null, ActionStatus.Planned, false, Guid.NewGuid());

    private static readonly ActionView Library = new(Guid.NewGuid(), ReadingNeed, "Biblioteksbesök", Ekskolan, "Ekskolan", Sector.School, null,
        Today.AddDays(-10), Today.AddDays(40), "Lånar böcker själv", null, ActionStatus.InProgress, false, Guid.NewGuid());

    private static readonly ActionView Evening = new(Guid.NewGuid(), SleepNeed, "Kvällsrutin", SocialServices, "Socialtjänsten", Sector.SocialServices,
        null, Today.AddDays(-10), Today.AddDays(30), "Somnar före nio", null, ActionStatus.Planned, false, Guid.NewGuid());

    private static readonly PlanDetails Plan = new(PlanId, Guid.NewGuid(), PlanType.ChildsPlan, PlanStatus.Open, DateTimeOffset.UnixEpoch,
        "Sammanfattning", "Barnets ord", null, "Föräldrarnas ord", null, null, null, null,
        [
            new NeedView(ReadingNeed, "Stöd i läsning", [], [Reading, Library]),
            new NeedView(SleepNeed, "Sömn", [], [Evening]),
        ],
        [], [], PlanVersion);

    [Fact]
    public void An_action_saved_changes_that_action_and_its_version_and_nothing_else()
    {
        var version = Guid.NewGuid();
        var change = ActionSaved(Reading, version, p =>
        {
            p["description"] = "Lästräning varje morgon";
            p["dueOn"] = Today.AddDays(60);
            p["status"] = nameof(ActionStatus.InProgress);
            p["evidence"] = "Lästest i maj.";
        });

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        var reading = Assert.Single(updated.Needs[0].Actions, a => a.Id == Reading.Id);
        Assert.Equal(Reading with
        {
            Description = "Lästräning varje morgon", DueOn = Today.AddDays(60), Status = ActionStatus.InProgress, Evidence = "Lästest i maj.",
            Version = version,
        }, reading);
        // Ordered by due date, as a reading of the plan gives them: it is now due after the library visits.
        Assert.Equal([Library.Id, Reading.Id], updated.Needs[0].Actions.Select(a => a.Id));
        Assert.Same(Plan.Needs[1], updated.Needs[1]);
        Assert.Equal(PlanVersion, updated.Version);
        Assert.Equal(Plan.ChildViews, updated.ChildViews);
    }

    [Theory]
    [InlineData(ActionStatus.Planned, -1, true)]
    [InlineData(ActionStatus.InProgress, -1, true)]
    [InlineData(ActionStatus.Done, -1, false)]
    [InlineData(ActionStatus.Planned, 0, false)]
    public void An_action_saved_is_overdue_by_the_same_rule_as_a_reading_of_the_plan(ActionStatus status, int dueInDays, bool overdue)
    {
        var change = ActionSaved(Reading, Guid.NewGuid(), p =>
        {
            p["startOn"] = Today.AddDays(-30);
            p["dueOn"] = Today.AddDays(dueInDays);
            p["status"] = status.ToString();
        });

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        Assert.Equal(overdue, updated.Needs[0].Actions.Single(a => a.Id == Reading.Id).IsOverdue);
    }

    [Fact]
    public void A_new_action_is_added_to_its_need_with_the_unit_the_message_names()
    {
        var id = Guid.NewGuid();
        var version = Guid.NewGuid();
        var change = Message(nameof(PlanPart.Action), id, version, Payload(Reading with { Id = id, NeedId = SleepNeed, DueOn = Today.AddDays(5) }, previous: null,
            p =>
            {
                p["description"] = "Samtal med familjen";
                p["responsibleUnitId"] = SocialServices;
                p[PlanLiveUpdate.ResponsibleUnit] = "Socialtjänsten";
                p[PlanLiveUpdate.Sector] = nameof(Sector.SocialServices);
            }));

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        Assert.Equal([id, Evening.Id], updated.Needs[1].Actions.Select(a => a.Id));
        var added = updated.Needs[1].Actions[0];
        Assert.Equal(("Samtal med familjen", SleepNeed, "Socialtjänsten", Sector.SocialServices, version),
            (added.Description, added.NeedId, added.ResponsibleUnit, added.Sector, added.Version));
        Assert.Same(Plan.Needs[0], updated.Needs[0]);
        Assert.Equal(PlanVersion, updated.Version);
    }

    [Fact]
    public void An_action_whose_unit_changed_shows_the_unit_the_message_names()
    {
        var change = ActionSaved(Reading, Guid.NewGuid(), p =>
        {
            p["responsibleUnitId"] = SocialServices;
            p[PlanLiveUpdate.ResponsibleUnit] = "Socialtjänsten";
            p[PlanLiveUpdate.Sector] = nameof(Sector.SocialServices);
        });

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        var reading = updated.Needs[0].Actions.Single(a => a.Id == Reading.Id);
        Assert.Equal((SocialServices, "Socialtjänsten", Sector.SocialServices), (reading.ResponsibleUnitId, reading.ResponsibleUnit, reading.Sector));
    }

    [Fact]
    public void An_action_removed_leaves_the_need_without_it_and_the_plans_version_as_it_was()
    {
        var change = Message(nameof(PlanPart.Action), Library.Id, Guid.NewGuid(), null, PlanChangeMessage.Removed);

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        Assert.Equal([Reading.Id], updated.Needs[0].Actions.Select(a => a.Id));
        Assert.Same(Plan.Needs[1], updated.Needs[1]);
        Assert.Equal(PlanVersion, updated.Version);
    }

    [Fact]
    public void The_views_saved_take_the_new_text_and_the_plans_new_version()
    {
        var version = Guid.NewGuid();
        var change = Message(nameof(PlanPart.Views), null, version, ViewsPayload(PlanVersion, "Jag vill läsa själv"));

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        Assert.Equal(("Ny sammanfattning", true, "Jag vill läsa själv", (string?)null, "Nya ord", version),
            (updated.Summary, updated.SummaryWithheldFromFamily, updated.ChildViews, updated.ChildViewsMissingReason, updated.GuardianViews, updated.Version));
        Assert.Same(Plan.Needs, updated.Needs);
    }

    [Fact]
    public void A_needs_family_mark_is_taken_in()
    {
        var change = Message(nameof(PlanPart.Need), SleepNeed, PlanVersion, new Dictionary<string, object?> { ["withheldFromFamily"] = true });

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var updated));

        Assert.True(updated.Needs[1].WithheldFromFamily);
        Assert.Equal(Plan.Needs[1].Actions, updated.Needs[1].Actions);
        Assert.False(updated.Needs[0].WithheldFromFamily);
    }

    [Fact]
    public void A_change_the_page_already_shows_leaves_the_plan_as_it_is()
    {
        var action = ActionSaved(Reading, Reading.Version, p => p["description"] = "Vad som helst");
        var views = Message(nameof(PlanPart.Views), null, PlanVersion, ViewsPayload(Guid.NewGuid(), "Vad som helst"));

        Assert.True(PlanLiveUpdate.TryApply(Plan, action, Today, out var afterAction));
        Assert.True(PlanLiveUpdate.TryApply(Plan, views, Today, out var afterViews));

        Assert.Same(Plan, afterAction);
        Assert.Same(Plan, afterViews);
    }

    public static TheoryData<string> UnplacedMessages() => new()
    {
        "an action of a need the page does not know",
        "an action the page does not know, said to replace a version",
        "an action saved from another version than the page shows",
        "an action removed that the page does not know",
        "an action whose unit changed, without the unit's name",
        "a new action without its unit's name (a decision turned into an action)",
        "the views saved from another version than the page shows",
        "a change of another plan",
        "a need added",
        "a need's mark for a need the page does not know",
        "a goal added",
        "a participant",
        "consent",
        "a review",
        "a message without payload",
    };

    [Theory]
    [MemberData(nameof(UnplacedMessages))]
    public void A_message_the_page_cannot_place_asks_for_a_reading_of_the_plan(string what)
    {
        var change = what switch
        {
            "an action of a need the page does not know" => ActionSaved(Reading, Guid.NewGuid(), p => p["needId"] = Guid.NewGuid()),
            "an action the page does not know, said to replace a version" =>
                Message(nameof(PlanPart.Action), Guid.NewGuid(), Guid.NewGuid(), Payload(Reading, Guid.NewGuid())),
            "an action saved from another version than the page shows" =>
                Message(nameof(PlanPart.Action), Reading.Id, Guid.NewGuid(), Payload(Reading, previous: Guid.NewGuid())),
            "an action removed that the page does not know" => Message(nameof(PlanPart.Action), Guid.NewGuid(), PlanVersion, null, PlanChangeMessage.Removed),
            "an action whose unit changed, without the unit's name" => ActionSaved(Reading, Guid.NewGuid(), p => p["responsibleUnitId"] = SocialServices),
            "a new action without its unit's name (a decision turned into an action)" =>
                Message(nameof(PlanPart.Action), Guid.NewGuid(), Guid.NewGuid(), Payload(Reading, previous: null)),
            "the views saved from another version than the page shows" =>
                Message(nameof(PlanPart.Views), null, Guid.NewGuid(), ViewsPayload(Guid.NewGuid(), "Barnets ord")),
            "a change of another plan" => ActionSaved(Reading, Guid.NewGuid()) with { PlanId = Guid.NewGuid() },
            "a need added" => Message(nameof(PlanPart.Need), Guid.NewGuid(), PlanVersion, new Dictionary<string, object?> { ["description"] = "Vänner" }),
            "a need's mark for a need the page does not know" =>
                Message(nameof(PlanPart.Need), Guid.NewGuid(), PlanVersion, new Dictionary<string, object?> { ["withheldFromFamily"] = true }),
            "a goal added" => Message(nameof(PlanPart.Goal), null, PlanVersion, new Dictionary<string, object?> { ["summary"] = "Läser en bok" }),
            "a participant" => Message(nameof(PlanPart.Participant), null, PlanVersion, new Dictionary<string, object?> { ["summary"] = "Sara Holm" }),
            "consent" => Message("Consent", null, null, null),
            "a review" => Message(nameof(PlanPart.Review), null, Guid.NewGuid(), null),
            "a message without payload" => Message(nameof(PlanPart.Action), Reading.Id, Guid.NewGuid(), null),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        Assert.False(PlanLiveUpdate.TryApply(Plan, change, Today, out _), what);
    }

    public static TheoryData<string> ActionFields()
    {
        var fields = new TheoryData<string>();
        foreach (var field in Payload(Reading, Reading.Version).Keys)
        {
            fields.Add(field);
        }

        return fields;
    }

    [Theory]
    [MemberData(nameof(ActionFields))]
    public void An_action_message_missing_a_field_asks_for_a_reading_of_the_plan(string field)
    {
        var complete = ActionSaved(Reading, Guid.NewGuid());
        Assert.True(PlanLiveUpdate.TryApply(Plan, complete, Today, out _));

        var payload = new Dictionary<string, object?>(complete.Payload!);
        payload.Remove(field);

        Assert.False(PlanLiveUpdate.TryApply(Plan, complete with { Payload = payload }, Today, out _));
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("summaryWithheldFromFamily")]
    [InlineData("childViews")]
    [InlineData("childViewsMissingReason")]
    [InlineData("guardianViews")]
    [InlineData(PlanLiveUpdate.PreviousVersion)]
    public void A_views_message_missing_a_field_asks_for_a_reading_of_the_plan(string field)
    {
        var payload = ViewsPayload(PlanVersion, "Barnets nya ord");
        Assert.True(PlanLiveUpdate.TryApply(Plan, Message(nameof(PlanPart.Views), null, Guid.NewGuid(), payload), Today, out _));

        payload.Remove(field);

        Assert.False(PlanLiveUpdate.TryApply(Plan, Message(nameof(PlanPart.Views), null, Guid.NewGuid(), payload), Today, out _));
    }

    [Fact]
    public void A_message_that_came_as_json_is_taken_in_the_same_way()
    {
        var version = Guid.NewGuid();
        var change = ActionSaved(Reading, version, p =>
        {
            p["description"] = "Lästräning i grupp";
            p["responsibleUnitId"] = SocialServices;
            p[PlanLiveUpdate.ResponsibleUnit] = "Socialtjänsten";
            p[PlanLiveUpdate.Sector] = nameof(Sector.SocialServices);
        });
        var json = JsonSerializer.Deserialize<PlanChangeMessage>(JsonSerializer.Serialize(change, Json), Json)!;
        Assert.IsType<JsonElement>(json.Payload!["dueOn"]);

        Assert.True(PlanLiveUpdate.TryApply(Plan, change, Today, out var direct));
        Assert.True(PlanLiveUpdate.TryApply(Plan, json, Today, out var overTheWire));

        Assert.Equal(direct.Needs[0].Actions, overTheWire.Needs[0].Actions);
    }

    [Fact]
    public void The_history_line_of_a_change_taken_in_is_the_one_the_service_writes()
    {
        var saved = ActionSaved(Reading, Guid.NewGuid(), p => p["description"] = "Lästräning varje morgon");
        var removed = Message(nameof(PlanPart.Action), Reading.Id, PlanVersion, null, PlanChangeMessage.Removed);

        Assert.Equal(new PlanChangeView(saved.At, "Karin Ek", PlanPart.Action, "Lästräning varje morgon"), PlanLiveUpdate.HistoryEntry(saved));
        Assert.Equal(new PlanChangeView(removed.At, "Karin Ek", PlanPart.Action, null), PlanLiveUpdate.HistoryEntry(removed));
    }

    private static PlanChangeMessage ActionSaved(ActionView action, Guid version, Action<Dictionary<string, object?>>? change = null) =>
        Message(nameof(PlanPart.Action), action.Id, version, Payload(action, action.Version, change));

    /// <summary>An action's payload as the service sends it when the action is saved from its editor.</summary>
    private static Dictionary<string, object?> Payload(ActionView action, Guid? previous, Action<Dictionary<string, object?>>? change = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["needId"] = action.NeedId,
            ["description"] = action.Description,
            ["responsibleUnitId"] = action.ResponsibleUnitId,
            ["responsiblePerson"] = action.ResponsiblePerson,
            ["startOn"] = action.StartOn,
            ["dueOn"] = action.DueOn,
            ["desiredOutcome"] = action.DesiredOutcome,
            ["evidence"] = action.Evidence,
            ["status"] = action.Status.ToString(),
            ["withheldFromFamily"] = action.WithheldFromFamily,
            [PlanLiveUpdate.PreviousVersion] = previous,
        };
        change?.Invoke(payload);
        return payload;
    }

    private static Dictionary<string, object?> ViewsPayload(Guid previous, string childViews) => new()
    {
        [PlanLiveUpdate.PreviousVersion] = previous,
        ["summary"] = "Ny sammanfattning",
        ["summaryWithheldFromFamily"] = true,
        ["childViews"] = childViews,
        ["childViewsMissingReason"] = null,
        ["guardianViews"] = "Nya ord",
    };

    private static PlanChangeMessage Message(string part, Guid? itemId, Guid? version, IReadOnlyDictionary<string, object?>? payload,
        string kind = PlanChangeMessage.Saved) =>
        new(PlanId, part, itemId, kind, version, "karin", "Karin Ek", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), payload);
}

using System.Text.Json;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Live;

/// <summary>
/// The plan hub over a real socket, driven by the official JavaScript SignalR client under Node (scenarios in
/// <c>Live/js</c>). One portal process for the class; each test is one Node process.
/// </summary>
public sealed class PlanHubTests(LiveServerFixture live) : IClassFixture<LiveServerFixture>
{
    private const string NotVisible = "Du har inte tillgång till den här planen.";
    private const string NotJoined = "Öppna planen innan du redigerar i den.";

    private string PlanId => live.NoahsPlanId.ToString();

    [Fact]
    public async Task An_unauthenticated_client_is_answered_401_and_cannot_connect()
    {
        var run = (await live.RunAsync("unauthenticated.js")).AssertCompleted();

        var negotiate = run.Single("negotiate");
        Assert.Equal(401, negotiate.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, negotiate.GetProperty("location").ValueKind);
        Assert.Contains("401", run.Single("refused").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(run.All("connected"));
    }

    [Fact]
    public async Task A_signed_in_user_who_is_not_a_practitioner_is_answered_403_and_cannot_connect()
    {
        var run = (await live.RunAsync("forbidden-role.js", ("TABB_EMAIL", Eva))).AssertCompleted();

        Assert.Equal(403, run.Single("negotiate").GetProperty("status").GetInt32());
        Assert.Contains("403", run.Single("refused").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(run.All("connected"));
    }

    [Fact]
    public async Task A_practitioner_who_may_not_see_the_child_is_refused_the_plan_and_its_fields()
    {
        var run = (await live.RunAsync("join-refused.js", ("TABB_EMAIL", Maria), ("TABB_PLAN_ID", PlanId))).AssertCompleted();

        run.Single("connected");
        Assert.Empty(run.All("accepted"));
        var refused = run.All("refused").ToDictionary(e => e.GetProperty("method").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.EndsWith("HubException: " + NotVisible, refused["JoinPlan"], StringComparison.Ordinal);
        Assert.EndsWith("HubException: " + NotJoined, refused["BeginEdit"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_practitioners_on_one_plan_see_each_other_join_leave_and_disconnect()
    {
        var run = (await live.RunAsync("presence.js", ("TABB_EMAIL_A", Karin), ("TABB_EMAIL_B", Sara), ("TABB_PLAN_ID", PlanId))).AssertCompleted();

        var joined = run.All("joined").ToDictionary(e => e.GetProperty("who").GetString()!, e => Names(e.GetProperty("present")));
        Assert.Equal(["Karin Ek"], joined["A"]);
        Assert.Equal(["Karin Ek", "Sara Holm"], joined["B"]);
        var seenByA = run.All("presence").Select(e => (e.GetProperty("step").GetString(), string.Join(", ", Names(e.GetProperty("present"))))).ToList();
        Assert.Equal(
            [
                ("A joined", "Karin Ek"),
                ("B joined", "Karin Ek, Sara Holm"),
                ("B left", "Karin Ek"),
                ("B joined again", "Karin Ek, Sara Holm"),
                ("B disconnected", "Karin Ek"),
            ],
            seenByA);
        var units = run.All("presence")[1].GetProperty("units").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Equal(["Ekskolan", "Flen kommun socialtjänst, barn och unga"], units);
        Assert.True(run.Single("revisions").GetProperty("increasing").GetBoolean(), run.ToString());
    }

    [Fact]
    public async Task A_field_being_edited_is_shown_to_the_other_who_is_told_who_holds_it_until_it_is_released()
    {
        var run = (await live.RunAsync("soft-locks.js", ("TABB_EMAIL_A", Karin), ("TABB_EMAIL_B", Sara), ("TABB_PLAN_ID", PlanId))).AssertCompleted();

        var begins = run.All("begin");
        var karinBegins = begins[0].GetProperty("result");
        Assert.True(karinBegins.GetProperty("granted").GetBoolean());
        Assert.Equal("Karin Ek", karinBegins.GetProperty("holderName").GetString());

        var editings = run.All("editing");
        var toldSara = editings[0].GetProperty("change");
        Assert.Equal(("Karin Ek", "action:demo:evidence", PlanId), (toldSara.GetProperty("userName").GetString(), toldSara.GetProperty("field").GetString(), toldSara.GetProperty("planId").GetString()));
        var until = toldSara.GetProperty("until").GetDateTimeOffset();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));

        var saraRefused = begins[1].GetProperty("result");
        Assert.False(saraRefused.GetProperty("granted").GetBoolean());
        Assert.Equal("Karin Ek", saraRefused.GetProperty("holderName").GetString());
        Assert.Equal("Karin Ek", Assert.Single(run.Single("current").GetProperty("editing").EnumerateArray()).GetProperty("userName").GetString());

        Assert.True(run.Single("end").GetProperty("released").GetBoolean());
        Assert.Equal(JsonValueKind.Null, editings[1].GetProperty("change").GetProperty("userName").ValueKind);
        var saraBegins = begins[2].GetProperty("result");
        Assert.True(saraBegins.GetProperty("granted").GetBoolean());
        Assert.Equal("Sara Holm", editings[2].GetProperty("change").GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.Null, editings[3].GetProperty("change").GetProperty("userName").ValueKind);
    }

    [Fact]
    public async Task Two_practitioners_see_each_others_edits_and_a_conflicting_edit_is_refused_with_both_values()
    {
        var run = (await live.RunAsync("edits.js", ("TABB_EMAIL_A", Karin), ("TABB_EMAIL_B", Sara), ("TABB_PLAN_ID", PlanId),
            ("TABB_ACTION", "Morgonsamtal med mentor varje skoldag"))).AssertCompleted();

        Assert.True(run.Single("saved").GetProperty("result").GetProperty("saved").GetBoolean(), run.ToString());
        var change = run.Single("changed").GetProperty("change");
        Assert.Equal(("Action", "Saved", "Karin Ek"), (change.GetProperty("part").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("byName").GetString()));
        Assert.Equal("Noah kommer i tid fyra dagar av fem", change.GetProperty("payload").GetProperty("desiredOutcome").GetString());

        // Sara saved from the version both started from: nothing is written, and she gets Karin's values to choose from.
        var conflict = run.Single("conflict").GetProperty("result");
        Assert.False(conflict.GetProperty("saved").GetBoolean());
        Assert.Equal("Action_Conflict", Assert.Single(conflict.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("Noah kommer i tid fyra dagar av fem", conflict.GetProperty("theirs").GetProperty("desiredOutcome").GetString());
        Assert.Equal(change.GetProperty("version").GetString(), conflict.GetProperty("theirVersion").GetString());

        var refused = Assert.Single(run.Single("refused").GetProperty("result").GetProperty("errors").EnumerateArray());
        Assert.Equal(("DueOn", "Action_DueBeforeStart", "Slutdatum kan inte ligga före startdatum."),
            (refused.GetProperty("field").GetString(), refused.GetProperty("code").GetString(), refused.GetProperty("message").GetString()));

        var created = run.Single("created");
        Assert.True(created.GetProperty("result").GetProperty("saved").GetBoolean());
        Assert.Equal("Sara Holm", created.GetProperty("seenByA").GetProperty("byName").GetString());
        var after = run.Single("after");
        Assert.Equal("Noah kommer i tid fyra dagar av fem", after.GetProperty("outcome").GetString());
        Assert.Contains("Samtal med skolsköterska", after.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    private static List<string?> Names(JsonElement present) => [.. present.EnumerateArray().Select(p => p.GetString())];
}

using Microsoft.Data.Sqlite;
using TabbPortal.Tests.Browser;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Live;

/// <summary>
/// A participant whose access ends during the meeting is removed from the live session. A portal of its own (the test
/// records a withdrawal of consent in its database), with access checked every second.
/// </summary>
public sealed class LiveAccessTests : IAsyncLifetime
{
    private readonly LiveServerFixture _live = new(new Dictionary<string, string> { ["Live__AccessCheckSeconds"] = "1" });

    public Task InitializeAsync() => _live.InitializeAsync();

    public Task DisposeAsync() => _live.DisposeAsync();

    [Fact]
    public async Task A_participant_whose_access_ends_when_the_consent_is_withdrawn_during_the_meeting_is_told_and_removed_from_the_plan()
    {
        var signal = Path.Combine(Path.GetTempPath(), "tabbportal-signal-" + Guid.NewGuid().ToString("N"));
        var running = _live.RunAsync("access-ended.js", ("TABB_EMAIL_A", Karin), ("TABB_EMAIL_B", Sara), ("TABB_NAME_B", "Sara Holm"),
            ("TABB_PLAN_ID", _live.NoahsPlanId.ToString()), ("TABB_SIGNAL_FILE", signal));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(signal) && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(signal), "The clients did not join the plan.");
        File.Delete(signal);
        // Noah's mother narrows her consent to school and health care: a new entry replaces the old one, which is
        // withdrawn in the same transaction. Karin (school) keeps the plan; Sara (social services) loses it.
        await using (var connection = new SqliteConnection($"Data Source={_live.Server.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var transaction = connection.BeginTransaction();
            var narrow = connection.CreateCommand();
            narrow.Transaction = transaction;
            narrow.CommandText = """
                CREATE TEMP TABLE "Old" AS
                    SELECT c.* FROM "Consents" c JOIN "Children" k ON k."Id" = c."ChildId" WHERE k."GivenName" = 'Noah' AND k."FamilyName" = 'Sjöberg';
                INSERT INTO "Consents" ("Id", "ChildId", "Giver", "GuardianId", "GiverName", "SharedWith", "Categories", "Purpose", "Form",
                    "DocumentedByUserId", "DocumentedByName", "DocumentedByUnitId", "ValidFrom", "ValidTo", "RecordedAt", "ReplacesId")
                    SELECT upper(hex(randomblob(16))), "ChildId", "Giver", "GuardianId", "GiverName", 5, 5, "Purpose", "Form",
                        "DocumentedByUserId", "DocumentedByName", "DocumentedByUnitId", "ValidFrom", "ValidTo", "RecordedAt", "Id" FROM "Old";
                INSERT INTO "ConsentWithdrawals" ("Id", "ConsentId", "ChildId", "WithdrawnBy", "Note", "WithdrawnAt", "RecordedByUserId", "RecordedByName")
                    SELECT upper(hex(randomblob(16))), "Id", "ChildId", 'Petra Sjöberg', 'Ersatt av ett samtycke utan socialtjänsten.', 0, 'test', 'Test'
                    FROM "Old";
                """;
            Assert.True(await narrow.ExecuteNonQueryAsync() > 0);
            await transaction.CommitAsync();
        }

        var run = (await running).AssertCompleted();

        Assert.Equal(["Karin Ek", "Sara Holm"], Names(run.Single("joined")));
        Assert.Equal(_live.NoahsPlanId.ToString(), run.Single("ended").GetProperty("planId").GetString());
        Assert.Equal(["Karin Ek"], Names(run.Single("presence")));
        var edit = run.Single("edit");
        Assert.False(edit.GetProperty("accepted").GetBoolean());
        Assert.EndsWith("Öppna planen innan du redigerar i den.", edit.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static List<string?> Names(System.Text.Json.JsonElement e) => [.. e.GetProperty("present").EnumerateArray().Select(p => p.GetString())];
}

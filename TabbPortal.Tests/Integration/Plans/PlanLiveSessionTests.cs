using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Live;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>A plan page's live session with the real presence registry: present while open and connected, gone when the connection drops or the page closes.</summary>
public sealed class PlanLiveSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private PlanPresence Presence => factory.Services.GetRequiredService<PlanPresence>();

    private IEnumerable<string> NamesOn(Guid planId) => Presence.Current(planId).Present.Select(p => p.DisplayName);

    [Fact]
    public async Task PresenceFollowsThePagesConnectionAndEndsWithThePage()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Jenny"));
        var (scope, _) = await SignedInScope.StartAsync(factory, Omar);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();
            var session = await live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask);
            Assert.Equal(["Omar Haddad"], NamesOn(plan.Id));
            Assert.Equal("Ekskolan", session.Who.UnitName);

            await session.BeginEditAsync("views.Summary");
            await live.ConnectionDownAsync();
            Assert.Empty(NamesOn(plan.Id));
            Assert.Empty(factory.Services.GetRequiredService<SoftLocks>().Current(plan.Id));

            await live.ConnectionUpAsync();
            Assert.Equal(["Omar Haddad"], NamesOn(plan.Id));

            await session.DisposeAsync();
            Assert.Empty(NamesOn(plan.Id));
        }
    }

    [Fact]
    public async Task APractitionerWhoMayNotSeeTheChildCannotOpenALiveSession()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Kajsa"));
        var (scope, _) = await SignedInScope.StartAsync(factory, Maria);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();

            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask));
            Assert.Empty(NamesOn(plan.Id));
        }
    }

    [Fact]
    public async Task ADraftThatCouldNotBeWrittenIsWrittenAtALaterTickNotLost()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Tindra"));
        var (scope, _) = await SignedInScope.StartAsync(factory, Karin);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();
            var session = await live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask);
            await using var database = new SqliteConnection(factory.Database.ConnectionString);
            await database.OpenAsync();
            await ExecuteAsync(database, """
                CREATE TRIGGER "Test_DraftsFail" BEFORE INSERT ON "PlanDrafts" BEGIN SELECT RAISE(ABORT, 'disk trouble'); END
                """);
            try
            {
                session.Draft("views.Summary", "Skrivet medan databasen krånglade");
                // Drafts are written once a second: this gives the first attempt time to fail.
                await Task.Delay(TimeSpan.FromSeconds(3));
                Assert.Null(await DraftAsync(database, plan.Id));
            }
            finally
            {
                await ExecuteAsync(database, """DROP TRIGGER "Test_DraftsFail" """);
            }

            string? kept = null;
            for (var attempt = 0; attempt < 50 && kept is null; attempt++)
            {
                await Task.Delay(200);
                kept = await DraftAsync(database, plan.Id);
            }

            Assert.Equal("Skrivet medan databasen krånglade", kept);
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task ADraftBeingWrittenWhenTheSaveForgetsTheDraftsIsForgottenTooNotOfferedAgainStale()
    {
        await using var slow = new SlowDraftWritesFactory();
        var plan = await slow.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(slow, "Tilde"));
        var (scope, _) = await SignedInScope.StartAsync(slow, Karin);
        await using (scope)
        {
            var live = scope.ServiceProvider.GetRequiredService<PlanLive>();
            var session = await live.OpenAsync(plan.Id, _ => Task.CompletedTask, () => Task.CompletedTask);
            session.Draft("views.Summary", "Skrivet strax före sparandet");

            // The draft's write has begun (the next tick took it) and is on its way to the database when the user's
            // save forgets the plan's drafts.
            await slow.DraftWriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await session.DiscardDraftsAsync("views.");

            await using var database = new SqliteConnection(slow.Database.ConnectionString);
            await database.OpenAsync();
            await Task.Delay(SlowDraftWritesFactory.WriteDelay * 2);
            Assert.Null(await DraftAsync(database, plan.Id));
            await session.DisposeAsync();
        }
    }

    /// <summary>A portal whose draft writes take a while to reach the database, as on a busy server.</summary>
    private sealed class SlowDraftWritesFactory : PortalFactory
    {
        public static readonly TimeSpan WriteDelay = TimeSpan.FromSeconds(1.5);

        public TaskCompletionSource DraftWriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => InterceptDatabase(services, new SlowDraftWrites(this)));
        }

        private sealed class SlowDraftWrites(SlowDraftWritesFactory factory) : DbCommandInterceptor
        {
            public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
                InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                await DelayDraftWriteAsync(command);
                return result;
            }

            public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
                InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                await DelayDraftWriteAsync(command);
                return result;
            }

            private async Task DelayDraftWriteAsync(DbCommand command)
            {
                if (command.CommandText.Contains("INSERT INTO \"PlanDrafts\"", StringComparison.Ordinal))
                {
                    factory.DraftWriteStarted.TrySetResult();
                    await Task.Delay(WriteDelay);
                }
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection database, string sql)
    {
        await using var command = database.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> DraftAsync(SqliteConnection database, Guid planId)
    {
        await using var command = database.CreateCommand();
        command.CommandText = """SELECT "Value" FROM "PlanDrafts" WHERE "PlanId" = $plan AND "Field" = 'views.Summary'""";
        command.Parameters.AddWithValue("$plan", planId.ToString().ToUpperInvariant());
        return await command.ExecuteScalarAsync() as string;
    }
}

using System.Data.Common;
using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Components.Pages.Plans;
using TabbPortal.Web.Persistence;
using static TabbPortal.Tests.Integration.Children.DemoLookup;
using static TabbPortal.Tests.Integration.Plans.PlanInputs;

namespace TabbPortal.Tests.Integration.Plans;

/// <summary>
/// The plan page (<see cref="PlanSection"/>, rendered by bUnit over the real services and database) in a live meeting:
/// a colleague's saved action is shown from its message, without the page reading the plan again; a change it cannot
/// take in from the message is still read.
/// </summary>
public sealed class PlanPageLiveTests(PlanPageLiveTests.CountingPortalFactory factory) : IClassFixture<PlanPageLiveTests.CountingPortalFactory>
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_colleagues_saved_action_and_views_are_shown_without_reading_the_plan_again()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Vera"));
        var need = await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");
        var action = await factory.AddActionAsync(Karin, plan, Action(need, await UnitIdAsync(factory, Ekskolan), "Lästräning"));
        await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);

        var changed = action.ToInput();
        changed.Description = "Lästräning varje morgon";
        changed.ResponsibleUnitId = await UnitIdAsync(factory, SocialServices);
        using (var reads = factory.Commands.Watch())
        {
            (await factory.PlansAsAsync(Karin, s => s.SaveActionAsync(plan.Id, changed, action.Version))).AssertActionSaved();

            page.Cut.WaitForAssertion(() => Assert.Contains("Lästräning varje morgon", page.Cut.Find("article.need tbody").TextContent), WaitTimeout);
            Assert.Contains(SocialServices, page.Cut.Find("article.need tbody").TextContent);
            // The history shows the change too, above the history as read.
            Assert.Contains("Lästräning varje morgon", page.Cut.Find("[data-testid=plan-history] tbody tr").TextContent);
            Assert.Empty(reads.OfPlanPage());
        }

        using (var reads = factory.Commands.Watch())
        {
            (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, Views("Jag vill läsa själv"), plan.Version))).AssertSaved();

            page.Cut.WaitForAssertion(() => Assert.Equal("Jag vill läsa själv", page.Cut.Find("#plan-child-views").GetAttribute("value")), WaitTimeout);
            Assert.Empty(reads.OfPlanPage());
        }

        // A goal added is not taken in from its message: the page reads the plan again (the same watch sees that read).
        using (var reads = factory.Commands.Watch())
        {
            (await factory.PlansAsAsync(Karin, s => s.AddGoalAsync(plan.Id, need, "Läser en bok i månaden"))).AssertSaved();

            page.Cut.WaitForAssertion(() => Assert.Contains("Läser en bok i månaden", page.Cut.Find("article.need").TextContent), WaitTimeout);
            Assert.NotEmpty(reads.OfPlanPage());
        }
    }

    [Fact]
    public async Task A_page_whose_plan_is_read_after_its_first_render_still_joins_the_meeting()
    {
        var plan = await factory.OpenPlanAsync(Karin, await ChildInputs.RegisterInFlenAsync(factory, "Wilma"));
        await factory.AddNeedAsync(Karin, plan, "Stöd i läsning");

        // A slow database (as under load): the page renders "loading" first, and only then gets the plan.
        factory.Commands.Delay = TimeSpan.FromMilliseconds(50);
        try
        {
            await using var page = await PlanPage.OpenAsync(factory, Omar, plan.ChildId);

            Assert.Contains("Omar Haddad", page.Cut.Find("[data-testid=presence]").TextContent);
        }
        finally
        {
            factory.Commands.Delay = TimeSpan.Zero;
        }
    }

    /// <summary>The page as a user has it open, signed in, in a "circuit" of its own.</summary>
    internal sealed class PlanPage : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly TestContext _context;

        private PlanPage(AsyncServiceScope scope, TestContext context, IRenderedComponent<PlanSection> cut)
        {
            _scope = scope;
            _context = context;
            Cut = cut;
        }

        public IRenderedComponent<PlanSection> Cut { get; }

        public static async Task<PlanPage> OpenAsync(CountingPortalFactory factory, string email, Guid childId,
            Action<ComponentParameterCollectionBuilder<PlanSection>>? parameters = null)
        {
            var (scope, _) = await SignedInScope.StartAsync(factory, email);
            var context = new TestContext();
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
            var cut = context.RenderComponent<PlanSection>(p =>
            {
                p.Add(s => s.ChildId, childId);
                parameters?.Invoke(p);
            });
            // Open: on the plan's live session (presence shown) and done with its first reads (the history is shown).
            cut.WaitForAssertion(() =>
            {
                Assert.NotEmpty(cut.FindAll("[data-testid=presence]"));
                Assert.NotEmpty(cut.FindAll("[data-testid=plan-history]"));
            }, WaitTimeout);
            // Having joined, the page reads the plan once more (a change saved meanwhile would be missed otherwise).
            await factory.Commands.QuietAsync();
            return new PlanPage(scope, context, cut);
        }

        public async ValueTask DisposeAsync()
        {
            _context.DisposeComponents();
            _context.Dispose();
            await _scope.DisposeAsync();
        }
    }

    /// <summary>The portal of <see cref="PortalFactory"/>, with every SQL command it runs written to <see cref="Commands"/>.</summary>
    public sealed class CountingPortalFactory : PortalFactory
    {
        public CommandLog Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                InterceptDatabase(services, Commands);
            });
        }
    }

    /// <summary>The SQL commands run while a watch is open.</summary>
    public sealed class CommandLog : DbCommandInterceptor
    {
        private readonly List<List<string>> _watches = [];
        private long _lastAt = Environment.TickCount64;

        /// <summary>How long each query waits before it runs (a slow database); none by default.</summary>
        public TimeSpan Delay { get; set; }

        /// <summary>Waits until no command has run for half a second: the page is done with what it reads on opening.</summary>
        public async Task QuietAsync()
        {
            var until = Environment.TickCount64 + (long)WaitTimeout.TotalMilliseconds;
            while (Environment.TickCount64 - Interlocked.Read(ref _lastAt) < 500)
            {
                Assert.True(Environment.TickCount64 < until, "The portal never stopped running commands.");
                await Task.Delay(100);
            }
        }

        public Watch Watch()
        {
            var watch = new Watch(this);
            lock (_watches)
            {
                _watches.Add(watch.Commands);
            }

            return watch;
        }

        internal void Stop(List<string> commands)
        {
            lock (_watches)
            {
                _watches.Remove(commands);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            return result;
        }

        private void Record(DbCommand command)
        {
            Interlocked.Exchange(ref _lastAt, Environment.TickCount64);
            lock (_watches)
            {
                foreach (var watch in _watches)
                {
                    lock (watch)
                    {
                        watch.Add(command.CommandText);
                    }
                }
            }
        }
    }

    public sealed class Watch(CommandLog log) : IDisposable
    {
        internal List<string> Commands { get; } = [];

        /// <summary>
        /// The queries only a reading of the plan page runs: the child's plan looked up by the child, its history, its
        /// fixed versions. Saving reads none of them, nor does the access check.
        /// </summary>
        public IReadOnlyList<string> OfPlanPage()
        {
            lock (Commands)
            {
                return [.. Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal)
                    && (c.Contains("FROM \"PlanChanges\"", StringComparison.Ordinal) || c.Contains("FROM \"PlanVersions\"", StringComparison.Ordinal)
                        || (c.Contains("FROM \"Plans\"", StringComparison.Ordinal) && c.Contains("\"ChildId\" = @__childId", StringComparison.Ordinal))))];
            }
        }

        public void Dispose() => log.Stop(Commands);
    }
}

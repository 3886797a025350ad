using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Concerns;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Tests.Live;
using TabbPortal.Web.Assessments;
using TabbPortal.Web.Children;
using TabbPortal.Web.Consent;
using TabbPortal.Web.Plans;
using TabbPortal.Web.Security;
using Xunit.Abstractions;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>
/// One portal with one child per consent state, each connected to all three agencies, a signed-in HTTP client per role
/// and a hub connection per role (refused for the roles that are not practitioners).
/// </summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public const string Ulla = "ulla.wik@demo.example";

    private static readonly Dictionary<MatrixRole, string> Emails = new()
    {
        [MatrixRole.School] = Karin,
        [MatrixRole.SocialServices] = Sara,
        [MatrixRole.Health] = Maria,
        [MatrixRole.ProcessLeader] = Eva,
        [MatrixRole.Administrator] = Nils,
        [MatrixRole.LogReviewer] = Ulla,
    };

    public PortalFactory Factory { get; } = new();

    internal Dictionary<ConsentState, MatrixChild> Children { get; } = [];

    internal Dictionary<MatrixRole, PortalBrowser> Browsers { get; } = [];

    internal Dictionary<MatrixRole, RawHubClient?> Hubs { get; } = [];

    internal Dictionary<MatrixRole, string> HubRefusals { get; } = [];

    internal Dictionary<MatrixRole, string> UserIds { get; } = [];

    internal Guid Ekskolan { get; private set; }

    internal static string EmailOf(MatrixRole role) => Emails[role];

    public async Task InitializeAsync()
    {
        Ekskolan = await UnitIdAsync(Factory, PlanInputs.Ekskolan);
        foreach (var state in AccessMatrix.States)
        {
            Children[state] = await MatrixChildren.BuildAsync(Factory, state);
        }

        foreach (var (role, email) in Emails)
        {
            UserIds[role] = await UserIdAsync(Factory, email);
            var browser = new PortalBrowser(Factory);
            await browser.LogInAsync(email);
            Browsers[role] = browser;
            try
            {
                Hubs[role] = await RawHubClient.ConnectAsync(Factory, email);
            }
            catch (Exception refused) when (refused is not Xunit.Sdk.XunitException)
            {
                Hubs[role] = null;
                HubRefusals[role] = refused.Message;
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var hub in Hubs.Values.OfType<RawHubClient>())
        {
            await hub.DisposeAsync();
        }

        foreach (var browser in Browsers.Values)
        {
            browser.Dispose();
        }

        await Factory.DisposeAsync();
    }
}

/// <summary>
/// The authorization matrix (<see cref="AccessMatrix"/>): every role × every target × every consent state is tried and
/// compared with the table; every denial must have left exactly one denied entry in the access log (user, child, kind,
/// part), every allowed read or write exactly one allowed entry with its basis, and a refusal by role none.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixFixture fixture, ITestOutputHelper output) : IClassFixture<AccessMatrixFixture>
{
    private const string NotJoinedMessage = "Öppna planen innan du redigerar i den.";

    public static TheoryData<ConsentState> States => new(AccessMatrix.States);

    [Fact]
    public void The_table_has_one_row_for_every_target_and_role_with_one_outcome_per_consent_state()
    {
        var expected = Enum.GetValues<MatrixTarget>().SelectMany(t => Enum.GetValues<MatrixRole>().Select(r => (t, r))).ToList();
        Assert.Equal(expected, AccessMatrix.Table.Select(r => (r.Target, r.Role)).ToList());
        Assert.All(AccessMatrix.Table, r => Assert.Matches("^[AODRN]( [AODRN]){4}$", r.Expected));
        output.WriteLine(AccessMatrix.ToMarkdown());
    }

    [Fact]
    public void Roles_that_are_not_practitioners_cannot_connect_to_the_plan_hub_and_practitioners_can()
    {
        foreach (var role in Enum.GetValues<MatrixRole>())
        {
            var practitioner = role is MatrixRole.School or MatrixRole.SocialServices or MatrixRole.Health;
            Assert.True(practitioner == fixture.Hubs[role] is not null,
                $"{role}: hub connection {(fixture.Hubs[role] is null ? "refused: " + fixture.HubRefusals[role] : "accepted")}");
        }
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_role_and_target_gets_the_outcome_in_the_table_and_leaves_the_entries_it_should(ConsentState state)
    {
        var child = fixture.Children[state];
        var failures = new List<string>();
        foreach (var target in Enum.GetValues<MatrixTarget>())
        {
            foreach (var role in Enum.GetValues<MatrixRole>())
            {
                var expected = AccessMatrix.Expected(target, role, state);
                var (observed, mark, detail) = await RunAsync(target, role, child);
                var entries = await AccessLogProbe.SinceAsync(fixture.Factory, mark, child.Id, fixture.UserIds[role]);
                var problem = Judge(target, state, expected, observed, entries);
                var line = $"{state} {target} {role}: expected {expected}, got {observed}{detail}; log: [{string.Join(", ", entries.Select(AccessLogProbe.Describe))}]";
                output.WriteLine(line);
                if (problem is not null)
                {
                    failures.Add($"{line} -> {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>What the cell must have left in the log, or null if it did.</summary>
    private static string? Judge(MatrixTarget target, ConsentState state, Outcome expected, Outcome observed, List<AccessLogEntry> entries)
    {
        var (kind, part, loggedWhenAllowed) = AccessMatrix.EntryOf(target);
        var same = entries.Where(e => e.Kind == kind && e.Part == part).ToList();
        var observedAllowed = observed is Outcome.Allowed or Outcome.OwnUnit;
        var expectedAllowed = expected is Outcome.Allowed or Outcome.OwnUnit;
        if (observedAllowed != expectedAllowed || (!expectedAllowed && observed != expected))
        {
            return "outcome differs from the table";
        }

        switch (expected)
        {
            case Outcome.Allowed or Outcome.OwnUnit:
                var basis = expected == Outcome.OwnUnit ? AccessBasis.OwnUnit
                    : state == ConsentState.Emergency ? AccessBasis.Emergency
                    : AccessBasis.Consent;
                if (same.Any(e => !e.Allowed))
                {
                    return "an allowed operation left a denied entry";
                }

                if (loggedWhenAllowed && (same.Count != 1 || same[0].Basis != basis || string.IsNullOrEmpty(same[0].BasisReference)))
                {
                    return $"expected exactly one allowed {kind} {part} entry on the basis {basis} (with its reference)";
                }

                if (!loggedWhenAllowed && same.Count != 0)
                {
                    return $"a check of an open page's part must not log an allowed {kind} {part} entry";
                }

                return null;
            case Outcome.Denied:
                return same.Count == 1 && !same[0].Allowed && same[0].Basis == AccessBasis.None
                    ? null
                    : $"expected exactly one denied {kind} {part} entry";
            default:
                return entries.Count == 0 ? null : "a call refused before the child was reached must not log anything for the child";
        }
    }

    private async Task<(Outcome Observed, long Mark, string Detail)> RunAsync(MatrixTarget target, MatrixRole role, MatrixChild child) => target switch
    {
        MatrixTarget.ChildPage => await PageAsync(target, role, child, $"/barn/{child.Id}"),
        MatrixTarget.ComparePage => await PageAsync(target, role, child, $"/planer/{child.PlanId}/jamfor"),
        MatrixTarget.FamilyCopyPage => await PageAsync(target, role, child, $"/planer/{child.PlanId}/versioner/1/familjens-exemplar"),
        MatrixTarget.HubJoinPlan or MatrixTarget.HubGetPlan or MatrixTarget.HubSaveViews => await HubAsync(target, role, child),
        _ => await ServiceAsync(target, role, child),
    };

    /// <summary>
    /// A page with a child's record: the HTTP request is refused by role (redirect to the access-denied page) or answered
    /// with the page's shell only (not prerendered: no record in the first response); the page then reads through its
    /// service in the circuit, which is tried here in a signed-in scope as the circuit would.
    /// </summary>
    private async Task<(Outcome, long, string)> PageAsync(MatrixTarget target, MatrixRole role, MatrixChild child, string url)
    {
        var mark = await AccessLogProbe.MarkAsync(fixture.Factory);
        var response = await fixture.Browsers[role].GetAsync(url);
        var refusedByRole = response.Status == HttpStatusCode.Found && response.Location?.AbsolutePath == PortalBrowser.AccessDeniedPath;
        if (!refusedByRole && (response.Status != HttpStatusCode.OK || response.Text.Contains(MatrixChildren.FamilyName, StringComparison.Ordinal)))
        {
            return ((Outcome)(-1), mark, $" (HTTP {(int)response.Status} {response.Location}: expected the access-denied redirect or a shell without the record)");
        }

        var (observed, _, detail) = await ServiceAsync(target, role, child, mark);
        return refusedByRole == (observed == Outcome.RoleRefused)
            ? (observed, mark, detail)
            : ((Outcome)(-1), mark, $" (HTTP {(int)response.Status} but the service said {observed}{detail})");
    }

    private async Task<(Outcome, long, string)> ServiceAsync(MatrixTarget target, MatrixRole role, MatrixChild child, long? pageMark = null)
    {
        var (scope, _) = await SignedInScope.StartAsync(fixture.Factory, AccessMatrixFixture.EmailOf(role));
        await using (scope)
        {
            var services = scope.ServiceProvider;
            var plans = services.GetRequiredService<PlanService>();
            var expectedVersion = await PlanVersionAsync(child.PlanId);
            var mark = pageMark ?? await AccessLogProbe.MarkAsync(fixture.Factory);
            try
            {
                switch (target)
                {
                    case MatrixTarget.ChildPage:
                        var shown = await services.GetRequiredService<ChildService>().GetAsync(child.Id);
                        if (shown is null)
                        {
                            // The page shows "not found": the service logged the refusal and said nothing more.
                            return (Outcome.Denied, mark, string.Empty);
                        }

                        Assert.Equal(child.GivenName, shown.GivenName);
                        return (shown.Access.IsFull ? Outcome.Allowed : Outcome.OwnUnit, mark, string.Empty);
                    case MatrixTarget.ComparePage:
                        // What the page does: the versions for its choosers, then the comparison.
                        Assert.NotEmpty(await plans.ListVersionsAsync(child.PlanId));
                        Assert.NotNull(await plans.CompareAsync(child.PlanId, 1, null));
                        break;
                    case MatrixTarget.FamilyCopyPage:
                        Assert.Equal(child.Id, (await plans.FamilyCopyAsync(child.PlanId, 1))?.ChildId);
                        break;
                    case MatrixTarget.PlanOpen:
                        Assert.Equal(child.PlanId, (await plans.GetForChildAsync(child.Id))?.Id);
                        break;
                    case MatrixTarget.PlanSaveViews:
                        (await plans.SaveViewsAsync(child.PlanId, PlanInputs.Views($"Synpunkter från {role}."), expectedVersion)).AssertSaved();
                        break;
                    case MatrixTarget.PlanSaveAction:
                        (await plans.SaveActionAsync(child.PlanId, PlanInputs.Action(child.NeedId, fixture.Ekskolan, $"Insats av {role}"), null)).AssertActionSaved();
                        break;
                    case MatrixTarget.PlanVersions:
                        Assert.NotEmpty(await plans.ListVersionsAsync(child.PlanId));
                        break;
                    case MatrixTarget.PlanMeeting:
                        await plans.GetOpenMeetingAsync(child.PlanId);
                        break;
                    case MatrixTarget.PlanHistory:
                        Assert.NotEmpty(await plans.HistoryAsync(child.PlanId));
                        break;
                    case MatrixTarget.PlanDraft:
                        await services.GetRequiredService<PlanDraftService>().SaveAsync(child.PlanId, "views.ChildViews", $"Utkast av {role}");
                        break;
                    case MatrixTarget.Assessments:
                        await services.GetRequiredService<AssessmentService>().ListAsync(child.Id);
                        break;
                    case MatrixTarget.ConsentLedger:
                        Assert.Equal(child.Id, (await services.GetRequiredService<ConsentService>().GetLedgerAsync(child.Id)).ChildId);
                        break;
                    case MatrixTarget.RecordConcern:
                        var concern = await services.GetRequiredService<ChildService>().RecordConcernAsync(new ConcernInput
                        {
                            ChildId = child.Id,
                            WhatIsInTheWay = "Barnet verkar trött.",
                            WhatICanDo = "Prata med barnet.",
                            Decision = ConcernDecision.HandleWithinAgency,
                        });
                        concern.AssertSaved();
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(target), target, null);
                }

                return (Outcome.Allowed, mark, string.Empty);
            }
            catch (ChildAccessDeniedException)
            {
                return (Outcome.Denied, mark, string.Empty);
            }
            catch (UnauthorizedAccessException refused) when (refused.Message.Contains("requires the role", StringComparison.Ordinal))
            {
                return (Outcome.RoleRefused, mark, string.Empty);
            }
            catch (UnauthorizedAccessException other)
            {
                return ((Outcome)(-1), mark, $" ({other.GetType().Name}: {other.Message})");
            }
        }
    }

    private async Task<(Outcome, long, string)> HubAsync(MatrixTarget target, MatrixRole role, MatrixChild child)
    {
        if (fixture.Hubs[role] is not { } hub)
        {
            // The connection was refused when the fixture signed in: nothing of the child was reached.
            return (Outcome.RoleRefused, await AccessLogProbe.MarkAsync(fixture.Factory), string.Empty);
        }

        var mark = await AccessLogProbe.MarkAsync(fixture.Factory);
        try
        {
            if (target == MatrixTarget.HubJoinPlan)
            {
                await hub.InvokeAsync("JoinPlan", child.PlanId);
                return (Outcome.Allowed, mark, string.Empty);
            }

            // The call is tried after joining, as a client would; a refused join is the JoinPlan cell's entry, not this one's.
            try
            {
                await hub.InvokeAsync("JoinPlan", child.PlanId);
            }
            catch (HubError)
            {
                // Not joined: the call below must be refused without reaching the child.
            }

            var expectedVersion = await PlanVersionAsync(child.PlanId);
            mark = await AccessLogProbe.MarkAsync(fixture.Factory);
            if (target == MatrixTarget.HubGetPlan)
            {
                var plan = await hub.InvokeAsync("GetPlan", child.PlanId);
                Assert.Equal(child.PlanId, plan.GetProperty("id").GetGuid());
            }
            else
            {
                var saved = await hub.InvokeAsync("SaveViews", child.PlanId, PlanInputs.Views($"Synpunkter via navet från {role}."), expectedVersion);
                Assert.True(saved.GetProperty("saved").GetBoolean(), saved.ToString());
            }

            return (Outcome.Allowed, mark, string.Empty);
        }
        catch (HubError error)
        {
            return (error.Message.EndsWith(NotJoinedMessage, StringComparison.Ordinal) ? Outcome.NotJoined : Outcome.Denied, mark, $" ({error.Message})");
        }
        finally
        {
            await hub.InvokeAsync("LeavePlan", child.PlanId);
        }
    }

    private async Task<Guid> PlanVersionAsync(Guid planId)
    {
        await using var context = await ContextAsync(fixture.Factory);
        return await context.Plans.Where(p => p.Id == planId).Select(p => EF.Property<Guid>(p, "Version")).SingleAsync();
    }
}

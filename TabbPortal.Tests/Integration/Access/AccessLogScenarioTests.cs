using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Consent;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Tests.Live;
using TabbPortal.Web.Assessments;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Children;
using TabbPortal.Web.Consent;
using TabbPortal.Web.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>
/// A scripted working session on one child, through the services the pages use, and the access log compared with what
/// the script did: one entry per opening, print, write and refusal, none for the re-reads of an open page, nothing
/// missing and nothing twice. The chain verifies afterwards.
/// </summary>
public sealed class AccessLogScenarioTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_scripted_session_leaves_exactly_one_entry_per_read_print_write_and_refusal_and_the_chain_verifies()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Stina", "Scenariosson");
        var ekskolan = await UnitIdAsync(factory, PlanInputs.Ekskolan);
        var (karin, jonas) = (await UserIdAsync(factory, Karin), await UserIdAsync(factory, Jonas));
        var mark = await AccessLogProbe.MarkAsync(factory);
        var expected = new List<string>();
        void Expect(string user, string line) => expected.Add($"{user}: {line}");

        var (scope, _) = await SignedInScope.StartAsync(factory, Karin);
        await using (scope)
        {
            var children = scope.ServiceProvider.GetRequiredService<ChildService>();
            var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
            var consent = scope.ServiceProvider.GetRequiredService<ConsentService>();

            Assert.NotNull(await children.GetAsync(childId));
            Expect(karin, "Read Child allowed Consent");
            (await plans.OpenAsync(childId)).AssertSaved();
            Expect(karin, "Write Plan allowed Consent");
            var plan = await plans.GetForChildAsync(childId);
            Expect(karin, "Read Plan allowed Consent");

            // The open page reads again what it shows: checked, not logged again.
            await plans.GetForChildAsync(childId, refresh: true);
            await plans.HistoryAsync(plan!.Id);
            await plans.ListVersionsAsync(plan.Id);
            await plans.GetOpenMeetingAsync(plan.Id);
            await consent.GetStatusAsync(childId);

            (await plans.SaveViewsAsync(plan.Id, PlanInputs.Views("Stina vill ha lugnare raster."), plan.Version)).AssertSaved();
            Expect(karin, "Write Plan allowed Consent");
            (await plans.AddNeedAsync(plan.Id, "Lugnare raster.")).AssertSaved();
            Expect(karin, "Write Plan allowed Consent");
            plan = await plans.GetForChildAsync(childId, refresh: true);
            (await plans.SaveActionAsync(plan!.Id, PlanInputs.Action(plan.Needs[0].Id, ekskolan, "Rastvärd vid fotbollsplanen."), null)).AssertActionSaved();
            Expect(karin, "Write Plan allowed Consent");
            plan = await plans.GetForChildAsync(childId, refresh: true);
            (await plans.FixVersionAsync(plan!.Id, new FixVersionInput
            {
                FixedOn = ChildInputs.Today,
                Attendees = [new AttendeeInput { Present = true, Name = "Karin Ek", Kind = AttendeeKind.Professional, Agency = PlanInputs.Ekskolan }],
            }, plan.Version)).AssertSaved();
            Expect(karin, "Write PlanVersion allowed Consent");
            Assert.NotNull(await plans.FamilyCopyAsync(plan.Id, 1));
            Expect(karin, "Print FamilyCopy allowed Consent");
            Assert.NotNull(await plans.CompareAsync(plan.Id, 1, null));
            Expect(karin, "Read PlanVersion allowed Consent");

            (await children.RecordConcernAsync(new ConcernInput
            {
                ChildId = childId,
                WhatIsInTheWay = "Stina är ensam på rasterna.",
                WhatICanDo = "Ordna rastaktiviteter.",
                Decision = ConcernDecision.HandleWithinAgency,
            })).AssertSaved();
            Expect(karin, "Write Concerns allowed Consent");
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().ListAsync(childId);
            Expect(karin, "Read Assessments allowed Consent");
            await consent.GetLedgerAsync(childId);
            Expect(karin, "Read Consent allowed Consent");
        }

        // Jonas (BUP) has no connection with the child: refused, then emergency access, then the record and the plan.
        Assert.Null(await factory.AsAsync(Jonas, s => s.GetAsync(childId)));
        Expect(jonas, "Read Child denied");
        (await factory.ConsentAsAsync(Jonas, s => s.RequestEmergencyAccessAsync(childId, new EmergencyAccessInput { Reason = MatrixChildren.Reason })))
            .AssertSaved();
        Expect(jonas, "Write EmergencyAccess allowed Emergency");
        Assert.NotNull(await factory.AsAsync(Jonas, s => s.GetAsync(childId)));
        Expect(jonas, "Read Child allowed Emergency");
        Assert.NotNull(await factory.PlansAsAsync(Jonas, s => s.GetForChildAsync(childId)));
        Expect(jonas, "Read Plan allowed Emergency");

        var entries = await AccessLogProbe.SinceAsync(factory, mark);
        Assert.All(entries, e => Assert.Equal(childId, e.ChildId));
        Assert.Equal(expected, entries.Select(e => $"{e.UserId}: {AccessLogProbe.Describe(e)}"));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.SessionId), $"entry {e.Id} has no session"));
        Assert.All(entries.Where(e => e.Allowed), e => Assert.False(string.IsNullOrEmpty(e.BasisReference), $"entry {e.Id} names no basis"));

        var chain = await AccessLogVerifier.VerifyAsync(factory.Database.ConnectionString);
        Assert.True(chain.IsIntact, AccessLogVerifier.Describe(chain));
        Assert.Equal(await AccessLogProbe.MarkAsync(factory), chain.Count);
    }

    [Fact]
    public async Task The_first_html_response_of_a_child_page_carries_no_record_and_logs_nothing_the_circuit_reads_it_once()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Sixten", "Sidsson");
        (await factory.PlansAsAsync(Karin, s => s.OpenAsync(childId))).AssertSaved();
        var plan = await factory.ReloadPlanAsync(Karin, childId);
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Karin);
        var mark = await AccessLogProbe.MarkAsync(factory);

        foreach (var url in new[] { $"/barn/{childId}", $"/planer/{plan.Id}/jamfor", $"/planer/{plan.Id}/versioner/1/familjens-exemplar" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("Sidsson", page.Text, StringComparison.Ordinal);
        }

        Assert.Empty(await AccessLogProbe.SinceAsync(factory, mark));
    }

    [Fact]
    public async Task Another_childs_plan_id_in_hub_calls_is_refused_and_the_attempt_to_join_is_logged()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Vide", "Navdotter");
        (await factory.PlansAsAsync(Karin, s => s.OpenAsync(childId))).AssertSaved();
        var plan = await factory.ReloadPlanAsync(Karin, childId);
        var jonas = await UserIdAsync(factory, Jonas);
        await using var hub = await RawHubClient.ConnectAsync(factory, Jonas);
        var mark = await AccessLogProbe.MarkAsync(factory);

        var join = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("JoinPlan", plan.Id));
        var save = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("SaveViews", plan.Id, PlanInputs.Views("Från fel barn."), plan.Version));
        var read = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("GetPlan", plan.Id));
        var edit = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("BeginEdit", plan.Id, "views.ChildViews"));

        Assert.EndsWith("Du har inte tillgång till den här planen.", join.Message, StringComparison.Ordinal);
        Assert.All([save, read, edit], e => Assert.EndsWith("Öppna planen innan du redigerar i den.", e.Message, StringComparison.Ordinal));
        var entries = await AccessLogProbe.SinceAsync(factory, mark);
        Assert.Equal([$"{jonas}: Read Plan denied"], entries.Select(e => $"{e.UserId}: {AccessLogProbe.Describe(e)}"));
        Assert.Equal(childId, entries[0].ChildId);
        Assert.NotEqual("Från fel barn.", (await factory.ReloadPlanAsync(Karin, childId)).ChildViews);
    }
}

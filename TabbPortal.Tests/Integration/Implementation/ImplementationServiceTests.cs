using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Implementation;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.Implementation;

/// <summary>The implementation service as the pages call it: the role checked in every method, rules at their fields, and concurrent edits.</summary>
public sealed class ImplementationServiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Leader = "eva.strand@demo.example";

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await context.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static StepProgressInput InputFrom(StepState state, Action<StepProgressInput> change)
    {
        var input = new StepProgressInput
        {
            Status = state.Status, Date = state.Date, ResponsiblePerson = state.ResponsiblePerson, Evidence = state.Evidence,
            TrainedShare = state.TrainedShare, CurrentStatus = state.Status,
        };
        change(input);
        return input;
    }

    [Theory]
    [InlineData("karin.ek@demo.example")]
    [InlineData("nils.dahl@demo.example")]
    [InlineData("ulla.wik@demo.example")]
    public async Task Every_service_method_refuses_anyone_but_a_process_leader(string email)
    {
        var flen = await OrganisationAsync("Flen kommun");
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<ImplementationService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetOverviewAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetProgressAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetMilestonesAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetOrganisationAsync(flen));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetStepsAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetPeriodReportAsync(new(2026, 1, 1), new(2026, 6, 30)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                service.SaveProgressAsync(flen, Guid.NewGuid(), null, new StepProgressInput { Status = StepStatus.Done }, null));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveStepAsync(new StepInput { Name = "X", Order = 1, Scope = StepScope.Organisation }, null));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SetStepActiveAsync(Guid.NewGuid(), false));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveMilestoneAsync(Guid.NewGuid(), new MilestoneInput(), Guid.Empty));
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_of_a_step_is_refused_in_Swedish_and_the_first_is_kept()
    {
        var trosa = await OrganisationAsync("Trosa kommun");
        var (first, _) = await SignedInScope.StartAsync(factory, Leader);
        var (second, _) = await SignedInScope.StartAsync(factory, Leader);
        await using (first)
        await using (second)
        {
            var mine = first.ServiceProvider.GetRequiredService<ImplementationService>();
            var theirs = second.ServiceProvider.GetRequiredService<ImplementationService>();
            var stateMine = (await mine.GetOrganisationAsync(trosa))!.Steps.Single(s => s.StepName == "Rutin för samtycke på plats");
            var stateTheirs = (await theirs.GetOrganisationAsync(trosa))!.Steps.Single(s => s.StepName == "Rutin för samtycke på plats");
            Assert.Equal(stateMine.Version, stateTheirs.Version);

            var saved = await mine.SaveProgressAsync(trosa, stateMine.StepId, null,
                InputFrom(stateMine, i => { i.Status = StepStatus.Done; i.Date = new DateOnly(2026, 11, 2); i.Evidence = "Rutinen antagen."; }), stateMine.Version);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));

            var late = InputFrom(stateTheirs, i => { i.Status = StepStatus.InProgress; i.ResponsiblePerson = "Någon annan"; });
            var refused = await theirs.SaveProgressAsync(trosa, stateTheirs.StepId, null, late, stateTheirs.Version);

            var error = Assert.Single(refused.Errors);
            Assert.Equal(("", "Progress_Conflict"), (error.Property, error.Code));
            Assert.StartsWith("Någon annan har sparat ändringar sedan du öppnade formuläret.", error.Message, StringComparison.Ordinal);
            Assert.Equal("Någon annan", late.ResponsiblePerson); // what was typed is still there to save again
            var now = (await mine.GetOrganisationAsync(trosa))!.Steps.Single(s => s.StepId == stateMine.StepId);
            Assert.Equal((StepStatus.Done, "Rutinen antagen."), (now.Status, now.Evidence));
        }
    }

    [Fact]
    public async Task Two_first_recordings_of_the_same_step_cannot_both_be_saved()
    {
        var gnesta = await OrganisationAsync("Gnesta kommun");
        var (scope, _) = await SignedInScope.StartAsync(factory, Leader);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<ImplementationService>();
            var state = (await service.GetOrganisationAsync(gnesta))!.Steps.Single(s => s.StepName == "Lokal handlingsplan för fortsatt arbete");
            Assert.Null(state.Version);

            var first = await service.SaveProgressAsync(gnesta, state.StepId, null, InputFrom(state, i => i.Status = StepStatus.InProgress), null);
            var second = await service.SaveProgressAsync(gnesta, state.StepId, null, InputFrom(state, i => i.Status = StepStatus.InProgress), null);

            Assert.True(first.Succeeded);
            Assert.Equal("Progress_Conflict", Assert.Single(second.Errors).Code);
        }
    }

    [Fact]
    public async Task A_saved_step_shows_in_the_overview_and_the_history_and_a_rule_is_reported_at_its_field()
    {
        var oxelosund = await OrganisationAsync("Oxelösund kommun");
        var (scope, _) = await SignedInScope.StartAsync(factory, Leader);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<ImplementationService>();
            var organisation = (await service.GetOrganisationAsync(oxelosund))!;
            var state = organisation.Steps.Single(s => s.StepName == "Första uppföljningen gjord");

            var noDate = await service.SaveProgressAsync(oxelosund, state.StepId, null, InputFrom(state, i => i.Status = StepStatus.Done), state.Version);
            Assert.Equal(("Date", "Progress_Date_Required"), (Assert.Single(noDate.Errors).Property, noDate.Errors[0].Code));

            var training = organisation.UnitSteps.First(s => s.MeasuresShare);
            var shareOnWrongStep = await service.SaveProgressAsync(oxelosund, state.StepId, null,
                InputFrom(state, i => { i.Status = StepStatus.InProgress; i.TrainedShare = 50; }), state.Version);
            Assert.Equal("Progress_Share_NotAllowed", Assert.Single(shareOnWrongStep.Errors).Code);
            var unitNotOfOrganisation = await service.SaveProgressAsync(await OrganisationAsync("Flen kommun"), training.StepId, training.UnitId,
                InputFrom(training, i => i.Evidence = "Deltagarlistor finns."), training.Version);
            Assert.Equal("Progress_Organisation_NotFound", Assert.Single(unitNotOfOrganisation.Errors).Code);

            var saved = await service.SaveProgressAsync(oxelosund, state.StepId, null,
                InputFrom(state, i => { i.Status = StepStatus.Done; i.Date = new DateOnly(2026, 11, 20); }), state.Version);
            Assert.True(saved.Succeeded);

            var overview = await service.GetOverviewAsync();
            var row = overview.Rows.Single(r => r.Name == "Oxelösund kommun");
            var column = overview.Steps.ToList().FindIndex(s => s.Id == state.StepId);
            Assert.Equal(StepStatus.Done, row.Cells[column].Status);
            Assert.False(row.IsStalled);
            var history = (await service.GetOrganisationAsync(oxelosund))!.History[0];
            Assert.Equal(("Eva Strand", "Första uppföljningen gjord", StepStatus.Done), (history.ChangedBy, history.StepName, history.To));
        }
    }

    [Fact]
    public async Task A_concurrent_milestone_edit_is_refused_and_a_derived_milestone_follows_the_steps()
    {
        var (first, _) = await SignedInScope.StartAsync(factory, Leader);
        var (second, _) = await SignedInScope.StartAsync(factory, Leader);
        await using (first)
        await using (second)
        {
            var mine = first.ServiceProvider.GetRequiredService<ImplementationService>();
            var theirs = second.ServiceProvider.GetRequiredService<ImplementationService>();
            var milestone = (await mine.GetMilestonesAsync()).Single(m => m.Code == "model-revised");
            var started = (await mine.GetMilestonesAsync()).Single(m => m.Code == "implementation-started");
            Assert.Equal((StepStatus.Done, false), (started.Status, started.IsSetManually));

            var saved = await mine.SaveMilestoneAsync(milestone.Id,
                new MilestoneInput { Status = StepStatus.InProgress, DueOn = milestone.DueOn, Note = "Revidering påbörjad." }, milestone.Version);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
            var refused = await theirs.SaveMilestoneAsync(milestone.Id, new MilestoneInput { Status = StepStatus.Done, DueOn = milestone.DueOn }, milestone.Version);

            Assert.Equal(("CompletedOn", "Milestone_CompletedOn_Required"), (Assert.Single(refused.Errors).Property, refused.Errors[0].Code));
            var conflict = await theirs.SaveMilestoneAsync(milestone.Id,
                new MilestoneInput { Status = StepStatus.Done, DueOn = milestone.DueOn, CompletedOn = new DateOnly(2026, 11, 1) }, milestone.Version);
            Assert.Equal("Progress_Conflict", Assert.Single(conflict.Errors).Code);
            Assert.Equal(StepStatus.InProgress, (await mine.GetMilestonesAsync()).Single(m => m.Code == "model-revised").Status);
        }
    }
}

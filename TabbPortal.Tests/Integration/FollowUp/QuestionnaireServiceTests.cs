using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Reporting;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.FollowUp;
using TabbPortal.Web.Indicators;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.FollowUp;

public sealed class QuestionnaireServiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnswersWithACodeAreAnonymousAndTheCodeTakesNoMoreThanItWasMadeFor()
    {
        var flen = await MunicipalityAsync("Flen kommun");
        var code = await IssueAsync(flen, answers: 2);

        await using var anonymous = factory.Services.CreateAsyncScope();
        var service = anonymous.ServiceProvider.GetRequiredService<QuestionnaireService>();
        var check = await service.CheckCodeAsync(AnswerCode.Format(code).ToLowerInvariant());
        Assert.Equal("Flen kommun", check.Municipality);

        Assert.True((await service.AnswerWithCodeAsync(code, Answer(RespondentKind.Guardian, ("G1", 4), ("G2", 5)))).Succeeded);
        Assert.True((await service.AnswerWithCodeAsync(code, Answer(RespondentKind.Child, ("C1", 5)))).Succeeded);
        var third = await service.AnswerWithCodeAsync(code, Answer(RespondentKind.Professional, ("P1", 3)));

        Assert.Equal("AnswerCode_Unknown", Assert.Single(third.Errors).Code);
        Assert.Equal("AnswerCode_Unknown", (await service.CheckCodeAsync(code)).Error?.Code);
        await using var context = await Context();
        var stored = await context.Set<EffectResponse>().Include(r => r.Answers).Where(r => r.MunicipalityId == flen).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal(YearMonth.Of(DateOnly.FromDateTime(DateTime.Now)).FirstDay, r.Month));
        Assert.Equal(["G1", "G2"], stored.Single(r => r.Kind == RespondentKind.Guardian).Answers.Select(a => a.QuestionCode).Order());
    }

    [Fact]
    public async Task AnUnknownCodeIsRefusedAtTheField()
    {
        await using var anonymous = factory.Services.CreateAsyncScope();
        var service = anonymous.ServiceProvider.GetRequiredService<QuestionnaireService>();

        Assert.Equal("AnswerCode_Format", (await service.CheckCodeAsync("ABC")).Error?.Code);
        Assert.Equal("AnswerCode_Unknown", (await service.CheckCodeAsync("ZZZZ-ZZZZ")).Error?.Code);
    }

    [Fact]
    public async Task PaperAnswersAreEnteredByPractitionersAndResultsAreSuppressedBelowFiveAnswers()
    {
        var trosa = await MunicipalityAsync("Trosa kommun");
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Sara);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
            var invalid = await service.RecordPaperAsync(new EffectResponseInput { Kind = RespondentKind.Professional, MunicipalityId = trosa, Month = "2026-06" });
            Assert.Contains(invalid.Errors, e => e.Code == "Effect_Answers_Required");
            for (var i = 0; i < 5; i++)
            {
                var input = Answer(RespondentKind.Professional, ("P1", 2 + (i % 2)), ("P5", 5));
                input.MunicipalityId = trosa;
                input.Month = i < 4 ? "2026-06" : "2026-07";
                Assert.True((await service.RecordPaperAsync(input)).Succeeded);
            }

            for (var i = 0; i < 5; i++)
            {
                var input = Answer(RespondentKind.Guardian, ("G1", 4));
                input.MunicipalityId = trosa;
                input.Month = "2026-07";
                Assert.True((await service.RecordPaperAsync(input)).Succeeded);
            }
        }

        var (leader, _) = await SignedInScope.StartAsync(factory, DemoLookup.Eva);
        await using (leader)
        {
            var report = await leader.ServiceProvider.GetRequiredService<EffectResultsService>()
                .GetAsync(new ReportFilter(new YearMonth(2026, 6), new YearMonth(2026, 7), trosa.ToString()));

            var professionals = report.Table(RespondentKind.Professional);
            Assert.Equal(["<5", "<5", "<5", "<5", "<5", "<5"], Cells(professionals, 6));
            var guardians = report.Table(RespondentKind.Guardian);
            Assert.Equal(["5", "4,0", "<5", "<5", "<5"], Cells(guardians, 7));
        }

        var (practitioner, _) = await SignedInScope.StartAsync(factory, DemoLookup.Karin);
        await using (practitioner)
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => practitioner.ServiceProvider.GetRequiredService<EffectResultsService>()
                .GetAsync(ReportFilter.Default(DateOnly.FromDateTime(DateTime.Today))));
        }
    }

    [Fact]
    public async Task OnlyPractitionersHandOutCodesAndEnterPaper()
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Eva);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.IssueCodeAsync(new IssueAnswerCodeInput { MunicipalityId = Guid.NewGuid(), Answers = 3 }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RecordPaperAsync(Answer(RespondentKind.Guardian, ("G1", 3))));
        }
    }

    private static string[] Cells(ReportTable table, int month) =>
        [.. table.Rows.Single(r => r.Month == new YearMonth(2026, month)).Cells.Select(c => c.Display(System.Globalization.CultureInfo.GetCultureInfo("sv-SE")))];

    private static EffectResponseInput Answer(RespondentKind kind, params (string Code, int Value)[] answers)
    {
        var input = new EffectResponseInput();
        input.PrepareFor(kind);
        foreach (var (code, value) in answers)
        {
            input.Answers[code] = value;
        }

        return input;
    }

    private async Task<string> IssueAsync(Guid municipality, int answers)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Karin);
        await using (scope)
        {
            var (result, code) = await scope.ServiceProvider.GetRequiredService<QuestionnaireService>()
                .IssueCodeAsync(new IssueAnswerCodeInput { MunicipalityId = municipality, Answers = answers });
            Assert.True(result.Succeeded);
            return code!;
        }
    }

    private async Task<Guid> MunicipalityAsync(string name)
    {
        await using var context = await Context();
        return await context.Organisations.Where(o => o.Name == name && o.Kind == OrganisationKind.Municipality).Select(o => o.Id).SingleAsync();
    }

    private async Task<PortalDbContext> Context() =>
        await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.FollowUp;
using TabbPortal.Domain.Reporting;
using TabbPortal.Web.Indicators;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.FollowUp;

/// <summary>Questionnaire results of one period and area: one table per kind of respondent.</summary>
public sealed record EffectReport(ReportFilter Filter, IReadOnlyList<AreaOption> Areas, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(RespondentKind kind) => Tables.Single(t => t.Id == EffectResultsService.TableId(kind));
}

/// <summary>
/// Results of the effect questionnaires per municipality and month, for process leaders: the number of answers and the
/// mean of each question, counted in the database. A figure built on fewer than five answers is shown as "&lt;5"
/// (<see cref="SmallNumbers"/>).
/// </summary>
public sealed class EffectResultsService(IDbContextFactory<PortalDbContext> contextFactory, CurrentUser currentUser, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string TableId(RespondentKind kind) => kind.ToString().ToLowerInvariant();

    public async Task<EffectReport> GetAsync(ReportFilter filter, CancellationToken cancellationToken = default) =>
        await GetForAsync(await currentUser.RequireRoleAsync(PortalRoles.ProcessLeader), filter, cancellationToken);

    public async Task<EffectReport> GetForAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(PortalRoles.ProcessLeader))
        {
            throw new UnauthorizedAccessException("Questionnaire results are for process leaders only.");
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var all = await AreaScope.MunicipalitiesAsync(context, cancellationToken);
        var municipalities = AreaScope.In(all, filter.Area);
        var ids = municipalities.Select(m => m.Id).ToList();
        var first = filter.From.FirstDay;
        var last = filter.To.FirstDay;
        var responses = context.Set<EffectResponse>().Where(r => ids.Contains(r.MunicipalityId) && r.Month >= first && r.Month <= last);
        var counts = (await responses.GroupBy(r => new { r.MunicipalityId, r.Month, r.Kind })
                .Select(g => new { g.Key.MunicipalityId, g.Key.Month, g.Key.Kind, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (YearMonth.Of(x.Month), x.MunicipalityId, x.Kind), x => x.Count);
        var answers = (await context.Set<EffectAnswer>()
                .Join(responses, a => EF.Property<Guid>(a, "ResponseId"), r => r.Id, (a, r) => new { r.MunicipalityId, r.Month, a.QuestionCode, a.Value })
                .GroupBy(x => new { x.MunicipalityId, x.Month, x.QuestionCode })
                .Select(g => new { g.Key.MunicipalityId, g.Key.Month, g.Key.QuestionCode, Count = g.Count(), Sum = g.Sum(x => x.Value) })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (YearMonth.Of(x.Month), x.MunicipalityId, x.QuestionCode), x => (x.Count, x.Sum));

        IEnumerable<Guid> In(Municipality? m) => m is null ? ids : [m.Id];

        var tables = Enum.GetValues<RespondentKind>().Select(kind =>
        {
            var questions = EffectQuestionnaire.For(kind);
            return ReportTables.Build(TableId(kind), $"Effect_Results_{kind}",
                [new("Effect_Answers", FigureKind.Count, true), .. questions.Select(q => new ReportColumn($"Question_{q.Code}_Short", FigureKind.Mean, false))],
                filter.Months, municipalities,
                (month, m) =>
                {
                    var responsesIn = In(m).Sum(id => counts.GetValueOrDefault((month, id, kind)));
                    return
                    [
                        SmallNumbers.Count(responsesIn, responsesIn),
                        .. questions.Select(q =>
                        {
                            var (count, sum) = In(m).Select(id => answers.GetValueOrDefault((month, id, q.Code)))
                                .Aggregate((Count: 0, Sum: 0), (a, b) => (a.Count + b.Count, a.Sum + b.Sum));
                            return SmallNumbers.Mean(count == 0 ? null : (decimal)sum / count, count);
                        }),
                    ];
                });
        }).ToList();
        return new EffectReport(filter, AreaScope.Options(all), tables);
    }
}

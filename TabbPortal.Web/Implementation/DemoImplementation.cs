using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Implementation;

/// <summary>
/// Invented implementation progress for the demo: two years of history for the nine municipalities, the region and the
/// independent providers. Flen has done some steps and is working on more; Vingåker stalled months ago.
/// </summary>
public static class DemoImplementation
{
    private const string DemoUserId = "demo-implementation";

    /// <summary>How far an organisation has come: organisation steps done, share of units that have moved, and when it began and last moved.</summary>
    private sealed record Profile(string Organisation, int StepsDone, double UnitShare, double StartMonthsAgo, double LastMonthsAgo, string Responsible);

    private static readonly Profile[] Profiles =
    [
        new("Eskilstuna kommun", 4, 0.8, 23, 0.5, "Anna Lindgren"),
        new("Strängnäs kommun", 2, 0.6, 20, 1.5, "Per Axelsson"),
        new("Flen kommun", 2, 0.6, 18, 1, "Helena Borg"),
        new("Katrineholm kommun", 3, 0.4, 21, 2, "Johan Ek"),
        new("Vingåker kommun", 1, 0.2, 22, 9, "Lars Viklund"),
        new("Nyköping kommun", 5, 1.0, 24, 0.3, "Sofia Nord"),
        new("Oxelösund kommun", 1, 0.2, 12, 1.2, "Mikael Ström"),
        new("Trosa kommun", 2, 0.4, 16, 2.5, "Ingrid Falk"),
        new("Gnesta kommun", 0, 0.2, 5, 0.7, "Karl Åberg"),
        new("Region Sörmland", 3, 0.35, 23, 0.8, "Birgitta Sand"),
        new("Framtidsskolan i Sörmland AB", 1, 0.5, 10, 1.8, "Emma Kron"),
        new("Föräldrakooperativet Lärkan ekonomisk förening", 0, 1.0, 3, 2.2, "Olle Rask"),
    ];

    private static readonly string[] Evidence =
    [
        "Beslut i nämnden, protokoll § 45.",
        "Lista över kontaktpersoner publicerad på intranätet.",
        "Rutin för samtycke antagen av ledningsgruppen.",
        "Uppföljning dokumenterad i ledningsgruppens minnesanteckningar.",
        "Lokal handlingsplan antagen.",
    ];

    public static async Task SeedAsync(PortalDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.StepProgress.AnyAsync(cancellationToken))
        {
            return;
        }

        var steps = await context.ImplementationSteps.Where(s => s.IsActive).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var organisationSteps = steps.Where(s => s.Scope == StepScope.Organisation).ToList();
        var unitSteps = steps.Where(s => s.Scope == StepScope.Unit).ToList();
        var organisations = await context.Organisations.Where(o => o.IsActive).ToListAsync(cancellationToken);
        var units = await context.Units.Where(u => u.IsActive).ToListAsync(cancellationToken);

        foreach (var profile in Profiles)
        {
            var organisation = organisations.SingleOrDefault(o => o.Name == profile.Organisation);
            if (organisation is null)
            {
                continue;
            }

            // During office hours: a day in the span, at 08:00 UTC plus a few hours.
            DateTimeOffset At(double fraction)
            {
                var day = now.AddDays(-30.4 * (profile.StartMonthsAgo - (fraction * (profile.StartMonthsAgo - profile.LastMonthsAgo))));
                return new DateTimeOffset(day.Date, TimeSpan.Zero).AddHours(8 + (day.Day % 7)).AddMinutes(day.Minute);
            }

            // Organisation steps: the first StepsDone done, the next one begun; spread from the start to the last move.
            var events = Math.Max(1, (profile.StepsDone * 2) + 1);
            var e = 0;
            for (var i = 0; i < organisationSteps.Count && i <= profile.StepsDone; i++)
            {
                var step = organisationSteps[i];
                var progress = StepProgress.Start(step, organisation.Id, null);
                var begun = At((double)e++ / events);
                Record(progress, step, StepStatus.InProgress, begun, profile.Responsible, null, null);
                if (i < profile.StepsDone)
                {
                    var done = At((double)e++ / events);
                    Record(progress, step, StepStatus.Done, done, profile.Responsible, Evidence[i % Evidence.Length], null);
                }

                context.StepProgress.Add(progress);
            }

            // Unit steps: the first share of the units has moved; the most recent move is the organisation's last.
            var own = units.Where(u => u.OrganisationId == organisation.Id).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            var moving = (int)Math.Round(own.Count * profile.UnitShare);
            for (var j = 0; j < moving; j++)
            {
                var unit = own[j];
                var fraction = moving == 1 ? 1.0 : 0.4 + (0.6 * j / (moving - 1));
                foreach (var step in unitSteps)
                {
                    var progress = StepProgress.Start(step, organisation.Id, unit.Id);
                    if (step.MeasuresShare)
                    {
                        Record(progress, step, StepStatus.InProgress, At(fraction * 0.6), profile.Responsible, null, 40);
                        var finished = j % 3 != 2;
                        Record(progress, step, finished ? StepStatus.Done : StepStatus.InProgress, At(fraction), profile.Responsible,
                            finished ? "Utbildningsdagar genomförda, deltagarlistor finns." : null, finished ? 90 + (j % 2 * 10) : 65);
                    }
                    else if (j % 2 == 0)
                    {
                        Record(progress, step, StepStatus.Done, At(fraction), profile.Responsible, "Minnesanteckningar från mötet finns.", null);
                    }
                    else
                    {
                        continue;
                    }

                    context.StepProgress.Add(progress);
                }
            }
        }

        var milestones = await context.CountyMilestones.ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.DateTime);
        Set(milestones, "county-model", StepStatus.Done, new DateOnly(2024, 11, 14), "Modellen antogs av länsstyrgruppen.", now, today);
        Set(milestones, "implementation-plan", StepStatus.Done, new DateOnly(2025, 2, 20), "Planen publicerad för alla huvudmän.", now, today);
        Set(milestones, "plan-2027", StepStatus.InProgress, null, "Utkast diskuteras i Beredningsgrupp Barn.", now, today);
        await context.SaveChangesAsync(cancellationToken);
    }

    private static void Record(StepProgress progress, ImplementationStep step, StepStatus status, DateTimeOffset at, string responsible, string? evidence, int? share)
    {
        var date = DateOnly.FromDateTime(at.DateTime);
        progress.Record(step, new StepProgressInput
        {
            Status = status,
            Date = date,
            ResponsiblePerson = responsible,
            Evidence = evidence,
            TrainedShare = share,
        }, DemoUserId, "Eva Strand", at, date);
    }

    private static void Set(List<CountyMilestone> milestones, string code, StepStatus status, DateOnly? completedOn, string note, DateTimeOffset now, DateOnly today)
    {
        var milestone = milestones.SingleOrDefault(m => m.Code == code);
        milestone?.Update(new MilestoneInput { Status = status, DueOn = milestone.DueOn, CompletedOn = completedOn, Note = note }, "Eva Strand", now, today);
    }
}

using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Web.Implementation;

/// <summary>
/// The implementation plan a new portal starts with: sensible steps (process leaders change them afterwards) and the
/// county milestones of the 2024–2026 project directive. Added once, when none exist.
/// </summary>
public static class ImplementationDefaults
{
    public static IReadOnlyList<(string Name, string Description, StepScope Scope, bool MeasuresShare)> Steps { get; } =
    [
        ("Beslut om att införa modellen", "Huvudmannen har fattat beslut om att införa Tillsammans för barnens bästa.", StepScope.Organisation, false),
        ("Kontaktpersoner utsedda", "Kontaktpersoner för barnen (barnensbästa-ansvariga) är utsedda och kända i verksamheten.", StepScope.Organisation, false),
        ("Personal utbildad", "Andel av personalen som har gått utbildningen i modellen.", StepScope.Unit, true),
        ("Rutin för samtycke på plats", "En rutin för att inhämta, dokumentera och återkalla samtycke finns och används.", StepScope.Organisation, false),
        ("Första samverkansmötet hållet", "Enheten har hållit sitt första samverkansmöte enligt modellen.", StepScope.Unit, false),
        ("Första uppföljningen gjord", "Den första uppföljningen av en gemensam plan är gjord.", StepScope.Organisation, false),
        ("Lokal handlingsplan för fortsatt arbete", "En lokal plan för hur arbetet hålls levande efter 2026 finns.", StepScope.Organisation, false),
    ];

    public static IReadOnlyList<(string Code, string Title, string Description, DateOnly DueOn, MilestoneRule Rule)> Milestones { get; } =
    [
        ("county-model", "Länsövergripande samverkansmodell finns", "Det finns en länsövergripande samverkansmodell för tidiga insatser för barn och unga.", new(2024, 12, 31), MilestoneRule.Manual),
        ("implementation-plan", "Plan för implementering och uppföljning finns", "En plan för fortsatt implementering och uppföljning av samverkansmodellen finns tillgänglig.", new(2024, 12, 31), MilestoneRule.Manual),
        ("implementation-started", "Implementeringsarbetet är påbörjat", "Ett implementeringsarbete är påbörjat i länets organisationer.", new(2024, 12, 31), MilestoneRule.ImplementationStarted),
        ("implementation-carried-out", "Arbetet utifrån implementeringsplanen är utfört", "Ett arbete utifrån implementeringsplanen är utfört.", new(2026, 12, 31), MilestoneRule.ImplementationCarriedOut),
        ("plan-2027", "Implementeringsplan för 2027 och framåt finns", "En fortsatt implementeringsplan för åren 2027 och framåt finns tillgänglig.", new(2026, 12, 31), MilestoneRule.Manual),
        ("model-revised", "Samverkansmodellen är reviderad vid behov", "Ett eventuellt behov av revideringar och utveckling av samverkansmodellen är utfört.", new(2026, 12, 31), MilestoneRule.Manual),
    ];

    public static async Task EnsureAsync(PortalDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await context.ImplementationSteps.AnyAsync(cancellationToken))
        {
            var order = 1;
            foreach (var (name, description, scope, share) in Steps)
            {
                context.ImplementationSteps.Add(ImplementationStep.Create(name, description, order++, scope, share));
            }
        }

        if (!await context.CountyMilestones.AnyAsync(cancellationToken))
        {
            var order = 1;
            foreach (var (code, title, description, dueOn, rule) in Milestones)
            {
                context.CountyMilestones.Add(CountyMilestone.Create(code, title, description, order++, dueOn, rule));
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}

using System.Security.Claims;
using Microsoft.Extensions.Localization;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Implementation;
using TabbPortal.Web.Components.Shared;
using TabbPortal.Web.Reporting;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Implementation;

/// <summary>
/// CSV exports of the implementation tables. The endpoints require the process leader role, and the service checks it
/// again with the request's user; the tables hold organisations, units, steps and staff names, never a child.
/// </summary>
public static class ImplementationEndpoints
{
    public const string Prefix = "/uppfoljning/inforande/export";

    public static IEndpointRouteBuilder MapImplementationExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization(policy => policy.RequireRole(PortalRoles.ProcessLeader));
        group.MapGet("/oversikt.csv", OverviewAsync);
        group.MapGet("/organisation/{id:guid}.csv", OrganisationAsync);
        group.MapGet("/utveckling.csv", ProgressAsync);
        group.MapGet("/milstolpar.csv", MilestonesAsync);
        return app;
    }

    private static async Task<IResult> OverviewAsync(
        ClaimsPrincipal user, ImplementationService service, IStringLocalizer<SharedResource> l, TimeProvider clock, int? dagar, CancellationToken cancellationToken)
    {
        var overview = await service.GetOverviewAsync(user, dagar ?? ImplementationService.DefaultStalledDays, cancellationToken);
        string[] header =
        [
            l["Field_SubRegion"], l["Field_Organisation"], l["Field_OrganisationKind"],
            .. overview.Steps.Select(s => s.Name),
            l["Implementation_LastChanged"], l["Implementation_Stalled"],
        ];
        var rows = overview.Rows.Select(r => (IReadOnlyList<string?>)
        [
            ImplementationText.Group(l, r.SubRegion), r.Name, l.Enum(r.Kind),
            .. overview.Steps.Select((s, i) => ImplementationText.Cell(l, s, r.Cells[i])),
            ImplementationText.Time(r.LastChangedAt, clock.LocalTimeZone), r.IsStalled ? l["Yes"] : l["No"],
        ]);
        return File(Csv.Write(header, rows), "inforande-oversikt.csv");
    }

    private static async Task<IResult> OrganisationAsync(
        Guid id, ClaimsPrincipal user, ImplementationService service, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var organisation = await service.GetOrganisationAsync(user, id, cancellationToken);
        if (organisation is null)
        {
            return Results.NotFound();
        }

        string[] header =
        [
            l["Implementation_Step"], l["Implementation_Unit"], l["Field_Status"], l["Implementation_Date"],
            l["Implementation_Responsible"], l["Implementation_TrainedShare"], l["Implementation_Evidence"],
        ];
        var rows = organisation.Steps.Concat(organisation.UnitSteps).Select(s => (IReadOnlyList<string?>)
        [
            s.StepName, s.UnitName, l.Enum(s.Status), ImplementationText.Date(s.Date), s.ResponsiblePerson,
            s.TrainedShare is { } share ? ImplementationText.Share(share) : null, s.Evidence,
        ]);
        return File(Csv.Write(header, rows), "inforande-" + Slug(organisation.Name) + ".csv");
    }

    private static async Task<IResult> ProgressAsync(
        ClaimsPrincipal user, ImplementationService service, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var progress = await service.GetProgressAsync(user, cancellationToken);
        string[] header = [l["Implementation_Month"], .. progress.Series.Select(s => ImplementationText.Group(l, s.SubRegion))];
        var rows = progress.Months.Select((m, i) => (IReadOnlyList<string?>)
        [
            ImplementationText.Month(m), .. progress.Series.Select(s => s.DoneAtMonthEnd[i].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        return File(Csv.Write(header, rows), "inforande-utveckling.csv");
    }

    private static async Task<IResult> MilestonesAsync(
        ClaimsPrincipal user, ImplementationService service, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var milestones = await service.GetMilestonesAsync(user, cancellationToken);
        string[] header =
        [
            l["Milestone_Title"], l["Milestone_DueOn"], l["Field_Status"], l["Milestone_Overdue"], l["Milestone_StatusSource"],
            l["Milestone_CompletedOn"], l["Milestone_Note"],
        ];
        var rows = milestones.Select(m => (IReadOnlyList<string?>)
        [
            m.Title, ImplementationText.Date(m.DueOn), l.Enum(m.Status), m.IsOverdue ? l["Yes"] : l["No"],
            m.IsSetManually ? l["Milestone_Set"] : l["Milestone_Derived"], ImplementationText.Date(m.CompletedOn), m.Note,
        ]);
        return File(Csv.Write(header, rows), "inforande-milstolpar.csv");
    }

    private static IResult File(byte[] content, string name) => Results.File(content, Csv.ContentType, name);

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').Select(c => c == ' ' ? '-' : c).ToArray());
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Consent;
using TabbPortal.Tests.Integration.Plans;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>A child built for the matrix: its plan (with a need and a fixed version 1) and the consent state it was brought to.</summary>
internal sealed record MatrixChild(ConsentState State, Guid Id, string GivenName, Guid PlanId, Guid NeedId);

/// <summary>
/// Builds one child per consent state, each connected to all three agencies: registered by Karin Ek at Ekskolan (school,
/// the registering unit), and with Sara Holm (social services) and Maria Lund (BVC, health care) as participants in its
/// plan. The plan is built while the consent is valid (as it would be in real life); then the consent is brought to the
/// state: left as it is, removed (never recorded), moved into the past (expired), withdrawn through the service, or
/// removed with an emergency access for each practitioner.
/// </summary>
internal static class MatrixChildren
{
    public const string FamilyName = "Matrisson";

    public const string Reason = "Akut oro för barnets säkerhet, måste se planen nu.";

    private static readonly Dictionary<ConsentState, string> Names = new()
    {
        [ConsentState.None] = "Ingrid",
        [ConsentState.Valid] = "Greta",
        [ConsentState.Expired] = "Ulrika",
        [ConsentState.Withdrawn] = "Åsa",
        [ConsentState.Emergency] = "Nora",
    };

    public static async Task<MatrixChild> BuildAsync(PortalFactory factory, ConsentState state, string familyName = FamilyName)
    {
        var givenName = Names[state];
        var childId = await ChildInputs.RegisterInFlenAsync(factory, givenName, familyName);
        var plan = await factory.OpenPlanAsync(Karin, childId);
        var needId = await factory.AddNeedAsync(Karin, plan, "Behöver trygga morgnar.");
        foreach (var participant in new[] { Sara, Maria })
        {
            var userId = await UserIdAsync(factory, participant);
            (await factory.PlansAsAsync(Karin, s => s.SetParticipantAsync(plan.Id, userId))).AssertSaved();
        }

        var ekskolan = await UnitIdAsync(factory, PlanInputs.Ekskolan);
        await factory.AddActionAsync(Karin, plan, PlanInputs.Action(needId, ekskolan, "Morgonmöte med mentor."));
        var withViews = await factory.ReloadPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.SaveViewsAsync(plan.Id, PlanInputs.Views("Vill komma i tid till skolan."), withViews.Version))).AssertSaved();
        var current = await factory.ReloadPlanAsync(Karin, childId);
        (await factory.PlansAsAsync(Karin, s => s.FixVersionAsync(plan.Id, new FixVersionInput
        {
            FixedOn = ChildInputs.Today,
            Attendees = [new AttendeeInput { Present = true, Name = "Karin Ek", Kind = AttendeeKind.Professional, Agency = PlanInputs.Ekskolan }],
        }, current.Version))).AssertSaved();

        await BringToAsync(factory, state, childId);
        return new MatrixChild(state, childId, givenName, plan.Id, needId);
    }

    /// <summary>Brings the child's consent (recorded valid for all agencies) to <paramref name="state"/>.</summary>
    public static async Task BringToAsync(PortalFactory factory, ConsentState state, Guid childId)
    {
        switch (state)
        {
            case ConsentState.Valid:
                break;
            case ConsentState.None:
                await RemoveConsentsAsync(factory, childId);
                break;
            case ConsentState.Expired:
                await MoveConsentsIntoThePastAsync(factory, childId);
                break;
            case ConsentState.Withdrawn:
                await WithdrawAllAsync(factory, childId);
                break;
            case ConsentState.Emergency:
                await RemoveConsentsAsync(factory, childId);
                foreach (var practitioner in new[] { Karin, Sara, Maria })
                {
                    (await factory.ConsentAsAsync(practitioner, s => s.RequestEmergencyAccessAsync(childId, new EmergencyAccessInput { Reason = Reason })))
                        .AssertSaved();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }

    /// <summary>Withdraws every consent entry of the child in force, as Karin Ek, through the consent service.</summary>
    public static async Task WithdrawAllAsync(PortalFactory factory, Guid childId, string email = Karin)
    {
        var ledger = await factory.ConsentAsAsync(email, s => s.GetLedgerAsync(childId));
        Assert.NotEmpty(ledger.Entries);
        foreach (var entry in ledger.Entries.Where(e => e.WithdrawnAt is null))
        {
            (await factory.ConsentAsAsync(email, s => s.WithdrawAsync(childId, entry.Id,
                new ConsentWithdrawalInput { WithdrawnBy = entry.GiverName, Note = "Vill inte längre att uppgifterna delas." }))).AssertSaved();
        }
    }

    // Past the service (the ledger is append-only, entries are never deleted): only to build a child that never had a consent.
    private static async Task RemoveConsentsAsync(PortalFactory factory, Guid childId)
    {
        await using var context = await ContextAsync(factory);
        await context.ConsentWithdrawals.Where(w => w.ChildId == childId).ExecuteDeleteAsync();
        Assert.True(await context.Consents.Where(c => c.ChildId == childId).ExecuteDeleteAsync() > 0);
    }

    // Entries cannot be updated (a trigger refuses it): each is replaced by a copy whose period ended yesterday.
    private static async Task MoveConsentsIntoThePastAsync(PortalFactory factory, Guid childId)
    {
        await using var context = await ContextAsync(factory);
        var ids = await context.Consents.Where(c => c.ChildId == childId).Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(ids);
        var from = ChildInputs.Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = ChildInputs.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var id in ids)
        {
            var copy = Guid.NewGuid().ToString().ToUpperInvariant();
            var old = id.ToString().ToUpperInvariant();
            Assert.Equal(1, await context.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Consents" ("Id", "ChildId", "Giver", "GuardianId", "GiverName", "SharedWith", "Categories", "Purpose", "Form",
                    "DocumentedByUserId", "DocumentedByName", "DocumentedByUnitId", "ValidFrom", "ValidTo", "RecordedAt", "ReplacesId")
                SELECT {copy}, "ChildId", "Giver", "GuardianId", "GiverName", "SharedWith", "Categories", "Purpose", "Form",
                    "DocumentedByUserId", "DocumentedByName", "DocumentedByUnitId", {from}, {to}, "RecordedAt", NULL
                FROM "Consents" WHERE "Id" = {old}
                """));
            Assert.Equal(1, await context.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "Consents" WHERE "Id" = {old}"""));
        }
    }
}

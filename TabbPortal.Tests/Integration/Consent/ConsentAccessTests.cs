using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Consent;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Plans;
using TabbPortal.Web.Consent;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Consent;

/// <summary>
/// Access follows consent, through the one gate: a withdrawal or an expiry takes effect at the next operation, also in a
/// session ("circuit") that is already open; the registering unit keeps its own information; emergency access opens the
/// record for a while, marked and logged. Every denial is in the access log.
/// </summary>
public sealed class ConsentAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_withdrawal_takes_effect_at_the_next_operation_of_an_open_session_and_the_denial_is_logged()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Vera", "Återkallad");
        await ConnectSaraAsync(childId);
        await factory.PlansAsAsync(Karin, s => s.OpenAsync(childId));
        await using var sara = await PlanServiceSession.StartAsync(factory, Sara);
        Assert.NotNull(await sara.Plans.GetForChildAsync(childId));

        var ledger = await factory.ConsentAsAsync(Karin, s => s.GetLedgerAsync(childId));
        var entry = Assert.Single(ledger.Entries);
        (await factory.ConsentAsAsync(Karin, s => s.WithdrawAsync(childId, entry.Id, new ConsentWithdrawalInput { WithdrawnBy = entry.GiverName }))).AssertSaved();

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => sara.Plans.GetForChildAsync(childId, refresh: true));
        var denied = await LastEntryAsync(childId, await UserIdAsync(factory, Sara));
        Assert.Equal((false, AccessKind.Read, RecordPart.Plan, AccessBasis.None), (denied.Allowed, denied.Kind, denied.Part, denied.Basis));
        // Karin's unit registered Vera: it keeps her details, but not the joint plan.
        Assert.NotNull(await factory.AsAsync(Karin, s => s.GetAsync(childId)));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Karin, s => s.GetForChildAsync(childId)));
        var ledgerAfter = await factory.ConsentAsAsync(Karin, s => s.GetLedgerAsync(childId));
        Assert.All(ledgerAfter.Coverage, c => Assert.False(c.Covered));
        Assert.Equal(entry.GiverName, Assert.Single(ledgerAfter.Entries).WithdrawnBy);
    }

    [Fact]
    public async Task An_expired_consent_lifts_nothing()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Elsa", "Utgången", withConsent: false);
        await ConnectSaraAsync(childId);
        var giver = Assert.Single((await factory.ConsentAsAsync(Karin, s => s.GetLedgerAsync(childId))).Givers, g => g.Needed);
        await using (var context = await ContextAsync(factory))
        {
            // The form refuses a consent that has already ended; one recorded last year has simply run out since.
            var karin = await context.Users.SingleAsync(u => u.Email == Karin);
            context.Consents.Add(ConsentEntry.Record(childId, new ConsentInput
            {
                Giver = giver.Giver, GuardianId = giver.GuardianId, SharedWith = Agencies.All, Categories = Agencies.All, Purpose = "Samverkan.",
                Form = ConsentForm.Written, ValidFrom = ChildInputs.Today.AddDays(-400), ValidTo = ChildInputs.Today.AddDays(-35),
            }, giver.Name, new ConsentDocumenter(karin.Id, karin.DisplayName, karin.UnitId!.Value), DateTimeOffset.UtcNow.AddDays(-400)));
            await context.SaveChangesAsync();
        }

        Assert.Null(await factory.AsAsync(Sara, s => s.GetAsync(childId)));
        var ledger = await factory.ConsentAsAsync(Karin, s => s.GetLedgerAsync(childId));
        Assert.False(Assert.Single(ledger.Entries).InForce);
        Assert.All(ledger.Coverage, c => Assert.False(c.Covered));
    }

    [Fact]
    public async Task The_registering_unit_without_consent_sees_the_details_and_only_its_own_concerns()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Olle", "Egenenhet", withConsent: false);

        var olle = await factory.AsAsync(Karin, s => s.GetAsync(childId));

        Assert.NotNull(olle);
        Assert.False(olle.Access.IsFull);
        Assert.Equal(AccessBasis.OwnUnit, olle.Access.Basis);
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.PlansAsAsync(Karin, s => s.OpenAsync(childId)));
        var entry = await LastEntryAsync(childId, await UserIdAsync(factory, Karin));
        Assert.Equal((false, AccessKind.Write, RecordPart.Plan), (entry.Allowed, entry.Kind, entry.Part));
    }

    [Fact]
    public async Task Emergency_access_opens_the_whole_record_for_two_hours_and_every_access_under_it_is_logged_with_it()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Nora", "Nödläge", withConsent: false);
        var jonasId = await UserIdAsync(factory, Jonas);
        Assert.Null(await factory.AsAsync(Jonas, s => s.GetAsync(childId)));

        var tooShort = await factory.ConsentAsAsync(Jonas, s => s.RequestEmergencyAccessAsync(childId, new EmergencyAccessInput { Reason = "akut" }));
        tooShort.AssertFailedWith(nameof(EmergencyAccessInput.Reason), "Emergency_Reason_Required");
        var granted = await factory.ConsentAsAsync(Jonas, s => s.RequestEmergencyAccessAsync(childId,
            new EmergencyAccessInput { Reason = "Barnet är inlagt akut och jag behöver se planen." }));
        granted.AssertSaved();

        var nora = await factory.AsAsync(Jonas, s => s.GetAsync(childId));
        Assert.NotNull(nora);
        Assert.True(nora.Access.IsEmergency);
        await using var context = await ContextAsync(factory);
        var access = await context.EmergencyAccesses.SingleAsync(e => e.Id == granted.Id);
        Assert.Equal(TimeSpan.FromHours(2), access.ExpiresAt - access.GrantedAt);
        Assert.Null(access.ReviewedAt);
        var entries = await context.Set<AccessLogEntry>().Where(e => e.ChildId == childId && e.UserId == jonasId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [(false, AccessKind.Read, RecordPart.Child, AccessBasis.None), (true, AccessKind.Write, RecordPart.EmergencyAccess, AccessBasis.Emergency),
             (true, AccessKind.Read, RecordPart.Child, AccessBasis.Emergency)],
            entries.Select(e => (e.Allowed, e.Kind, e.Part, e.Basis)));
        Assert.All(entries.Skip(1), e => Assert.Equal(access.Id.ToString(), e.BasisReference));
    }

    [Fact]
    public async Task Emergency_access_by_number_tells_an_unknown_number_at_the_field_and_is_not_recorded_when_the_record_is_already_open()
    {
        var unknown = await factory.ConsentAsAsync(Jonas, s => s.RequestEmergencyAccessByNumberAsync(TestNumber.Next().TwelveWithDash,
            new EmergencyAccessInput { Reason = "Barnet är inlagt akut och jag behöver se planen." }));
        unknown.AssertFailedWith("PersonalIdentityNumber", "Emergency_Child_NotFound");

        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        var number = (await factory.ReloadAsync(Karin, noahId)).PersonalIdentityNumber;
        await using var context = await ContextAsync(factory);
        var before = await context.EmergencyAccesses.CountAsync();
        var opened = await factory.ConsentAsAsync(Karin, s => s.RequestEmergencyAccessByNumberAsync(number,
            new EmergencyAccessInput { Reason = "Jag har redan samtycke men provar ändå." }));
        opened.AssertSaved();
        Assert.Equal(noahId, opened.Id);
        Assert.Equal(before, await context.EmergencyAccesses.CountAsync());
    }

    [Fact]
    public async Task Bad_consent_input_is_refused_at_its_field_and_nothing_is_recorded()
    {
        var childId = await ChildInputs.RegisterInFlenAsync(factory, "Ida", "Felinmatning", withConsent: false);

        var result = await factory.ConsentAsAsync(Karin, s => s.RecordAsync(childId, new ConsentInput
        {
            Giver = ConsentGiver.Child, SharedWith = Agencies.None, Categories = Agencies.School, Purpose = "Samverkan.", Form = ConsentForm.Oral,
            ValidFrom = ChildInputs.Today, ValidTo = ChildInputs.Today.AddYears(4),
        }));

        Assert.Equal(
            [(nameof(ConsentInput.SharedWith), "Consent_SharedWith_Required"), (nameof(ConsentInput.ValidTo), "Consent_ValidTo_TooLong")],
            result.Errors.Select(e => (e.Property, e.Code)).Order());
        Assert.Empty((await factory.ConsentAsAsync(Karin, s => s.GetLedgerAsync(childId))).Entries);
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_consent_entry_in_place()
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");
        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        var change = connection.CreateCommand();
        change.CommandText = """UPDATE "Consents" SET "SharedWith" = 7 WHERE "ChildId" = $child""";
        change.Parameters.AddWithValue("$child", noahId.ToString().ToUpperInvariant());

        var refusal = await Assert.ThrowsAsync<SqliteException>(() => change.ExecuteNonQueryAsync());
        Assert.Contains("cannot be changed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_leader_administrator_or_practitioner_without_a_connection_is_refused_the_ledger()
    {
        var noahId = await ChildIdAsync(factory, "Noah", "Sjöberg");

        foreach (var email in new[] { Eva, Nils, Jonas })
        {
            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.ConsentAsAsync(email, s => s.GetLedgerAsync(noahId)));
        }
    }

    /// <summary>Makes Sara (social services) the child's contact person: her unit is connected, so only consent stands between her and the record.</summary>
    private async Task ConnectSaraAsync(Guid childId)
    {
        var sara = await UserIdAsync(factory, Sara);
        var version = (await factory.ReloadAsync(Karin, childId)).Version;
        (await factory.AsAsync(Karin, s => s.AssignRoleAsync(childId,
            new RoleAssignmentInput { Role = ChildRole.ContactPerson, StaffUserId = sara, From = ChildInputs.Today }, version))).AssertSaved();
    }

    private async Task<AccessLogEntry> LastEntryAsync(Guid childId, string userId)
    {
        await using var context = await ContextAsync(factory);
        return await context.Set<AccessLogEntry>().Where(e => e.ChildId == childId && e.UserId == userId).OrderByDescending(e => e.Id).FirstAsync();
    }
}

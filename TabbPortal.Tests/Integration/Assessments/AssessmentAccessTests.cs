using TabbPortal.Domain.Access;
using TabbPortal.Domain.Assessments;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.Consent;
using static TabbPortal.Tests.Domain.Assessments.AssessmentTestInputs;
using static TabbPortal.Tests.Integration.Assessments.AssessmentTestExtensions;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Assessments;

/// <summary>
/// Only practitioners who may see the child may read or record its assessments. Every refused call is checked to have
/// stored nothing, and each refusal is paired with a call that the same rule lets through.
/// </summary>
public sealed class AssessmentAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public async Task A_practitioner_who_may_see_the_child_lists_and_records_its_assessments()
    {
        var alvaId = await AlvaWithAnAssessmentAsync();
        await using var session = await AssessmentServiceSession.StartAsync(factory, Karin);
        await session.AssertSignedInAsync(PortalRoles.Practitioner);

        Assert.NotEmpty(await session.Assessments.ListAsync(alvaId));
        (await session.Assessments.RecordAsync(alvaId, Valid(Day))).AssertSaved();
    }

    [Fact]
    public async Task A_practitioner_who_may_not_see_the_child_is_refused_its_assessments()
    {
        var alvaId = await AlvaWithAnAssessmentAsync();
        var before = await AssessmentsInDatabaseAsync(factory, alvaId);
        await using var session = await AssessmentServiceSession.StartAsync(factory, Maria);
        await session.AssertSignedInAsync(PortalRoles.Practitioner);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.ListAsync(alvaId));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.RecordAsync(alvaId, Valid(Day)));

        await AssertUnchangedAsync(alvaId, before);
    }

    [Fact]
    public async Task The_same_practitioner_may_record_for_a_child_of_her_own_unit_once_the_family_has_consented()
    {
        // Maria (BVC Flen) is refused Alva above because of the rule, not because she can do nothing at all.
        var ellaId = await ChildIdAsync(factory, "Ella", "Åkesson");
        // Assessments are shared between the agencies: without consent, not even the registering unit records them here.
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => factory.AssessmentsAsAsync(Maria, s => s.RecordAsync(ellaId, Valid(Day))));
        await factory.GiveConsentAsync(Maria, ellaId);

        var saved = await factory.AssessmentsAsAsync(Maria, s => s.RecordAsync(ellaId, Valid(Day)));

        saved.AssertSaved();
        Assert.Contains(await factory.AssessmentsAsAsync(Maria, s => s.ListAsync(ellaId)), a => a.Id == saved.Id);
    }

    [Theory]
    [InlineData(Eva, PortalRoles.ProcessLeader)]
    [InlineData(Nils, PortalRoles.Administrator)]
    public async Task A_process_leader_or_administrator_is_refused_the_assessments(string email, string role)
    {
        var alvaId = await AlvaWithAnAssessmentAsync();
        var before = await AssessmentsInDatabaseAsync(factory, alvaId);
        await using var session = await AssessmentServiceSession.StartAsync(factory, email);
        await session.AssertSignedInAsync(role);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.ListAsync(alvaId));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.RecordAsync(alvaId, Valid(Day)));

        await AssertUnchangedAsync(alvaId, before);
    }

    [Theory]
    [InlineData(Maria)]
    [InlineData(Eva)]
    public async Task Recording_is_refused_before_the_assessment_is_validated(string email)
    {
        // Validation errors before the refusal would tell someone who may not see the child that it exists.
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        var invalid = Input(null, null);

        await using var session = await AssessmentServiceSession.StartAsync(factory, email);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.RecordAsync(alvaId, invalid));
    }

    [Fact]
    public async Task A_child_that_does_not_exist_is_refused_like_a_child_that_may_not_be_seen()
    {
        var unknown = Guid.NewGuid();
        await using var session = await AssessmentServiceSession.StartAsync(factory, Karin);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.ListAsync(unknown));
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => session.Assessments.RecordAsync(unknown, Valid(Day)));
        Assert.Empty(await AssessmentsInDatabaseAsync(factory, unknown));
    }

    /// <summary>Alva with at least one assessment recorded by Karin, so that a refused list has something to hide.</summary>
    private async Task<Guid> AlvaWithAnAssessmentAsync()
    {
        var alvaId = await ChildIdAsync(factory, "Alva", "Lindgren");
        if ((await AssessmentsInDatabaseAsync(factory, alvaId)).Count == 0)
        {
            (await factory.AssessmentsAsAsync(Karin, s => s.RecordAsync(alvaId, Valid(Day)))).AssertSaved();
        }

        return alvaId;
    }

    private async Task AssertUnchangedAsync(Guid childId, List<WellbeingAssessment> before)
    {
        Assert.NotEmpty(before);
        var after = await AssessmentsInDatabaseAsync(factory, childId);
        Assert.Equal(
            before.Select(a => (a.Id, a.Ratings.Count)).OrderBy(a => a.Id),
            after.Select(a => (a.Id, a.Ratings.Count)).OrderBy(a => a.Id));
    }
}

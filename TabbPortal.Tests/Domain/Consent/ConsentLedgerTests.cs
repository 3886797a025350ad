using TabbPortal.Domain.Common;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Domain.Consent;

public class ConsentLedgerTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Mother = Guid.NewGuid();
    private static readonly Guid Father = Guid.NewGuid();
    private static readonly ConsentDocumenter Karin = new("karin", "Karin Ek", Guid.NewGuid());

    private static ConsentEntry Entry(ConsentGiver giver, Guid? guardian, Agencies shared, DateOnly? from = null, DateOnly? to = null, Agencies? categories = null) =>
        ConsentEntry.Record(Child, new ConsentInput
        {
            Giver = giver, GuardianId = guardian, SharedWith = shared, Categories = categories ?? shared, Purpose = "Samverkan.",
            Form = ConsentForm.Written, ValidFrom = from ?? Today.AddDays(-10), ValidTo = to ?? Today.AddDays(300),
        }, giver == ConsentGiver.Child ? "Noah" : "Förälder", Karin, DateTimeOffset.UtcNow);

    private static ConsentWithdrawal Withdraw(ConsentEntry entry) => ConsentWithdrawal.Of(entry, "Förälder", null, Karin, DateTimeOffset.UtcNow);

    [Fact]
    public void AnAgencyIsCoveredWhenEveryGuardianWithCustodyConsentedToIt()
    {
        var mother = Entry(ConsentGiver.Guardian, Mother, Agencies.All);
        var father = Entry(ConsentGiver.Guardian, Father, Agencies.School | Agencies.HealthCare, to: Today.AddDays(20));
        var ledger = new ConsentLedger([mother, father], [], [Mother, Father]);

        var school = ledger.CoverageFor(Sector.School, Today);
        Assert.True(school.Covered);
        Assert.Equal(Today.AddDays(20), school.Until);
        Assert.Equal(new[] { mother.Id, father.Id }.Order(), school.RestsOn.Select(e => e.Id).Order());

        var social = ledger.CoverageFor(Sector.SocialServices, Today);
        Assert.False(social.Covered);
        Assert.Equal(Father, Assert.Single(social.Missing).GuardianId);
    }

    [Fact]
    public void OneGuardiansConsentIsNotEnoughWhenBothHaveCustody()
    {
        var ledger = new ConsentLedger([Entry(ConsentGiver.Guardian, Mother, Agencies.All)], [], [Mother, Father]);

        Assert.All(ledger.StatusOn(Today), c => Assert.False(c.Covered));
    }

    [Fact]
    public void AGuardianWithoutCustodyIsNotAsked()
    {
        var ledger = new ConsentLedger([Entry(ConsentGiver.Guardian, Mother, Agencies.All)], [], [Mother]);

        Assert.All(ledger.StatusOn(Today), c => Assert.True(c.Covered));
    }

    [Fact]
    public void AWithdrawalEndsTheCoverageAtOnce()
    {
        var mother = Entry(ConsentGiver.Guardian, Mother, Agencies.All);
        var ledger = new ConsentLedger([mother], [Withdraw(mother)], [Mother]);

        Assert.False(ledger.CoverageFor(Sector.School, Today).Covered);
        Assert.False(mother.IsInForce(Today, ledger.Withdrawals));
    }

    [Theory]
    [InlineData(-400, -1)]
    [InlineData(1, 300)]
    public void AnEntryOutsideItsPeriodDoesNotCover(int fromDays, int toDays)
    {
        var ledger = new ConsentLedger([Entry(ConsentGiver.Guardian, Mother, Agencies.All, Today.AddDays(fromDays), Today.AddDays(toDays))], [], [Mother]);

        Assert.False(ledger.CoverageFor(Sector.HealthCare, Today).Covered);
    }

    [Fact]
    public void ThePeriodIncludesItsFirstAndLastDay()
    {
        var entry = Entry(ConsentGiver.Guardian, Mother, Agencies.All, Today, Today);

        Assert.True(new ConsentLedger([entry], [], [Mother]).CoverageFor(Sector.School, Today).Covered);
    }

    [Fact]
    public void AChildWithoutAGuardianWithCustodyConsentsItself()
    {
        Assert.False(new ConsentLedger([], [], []).CoverageFor(Sector.School, Today).Covered);
        Assert.True(new ConsentLedger([Entry(ConsentGiver.Child, null, Agencies.All)], [], []).CoverageFor(Sector.School, Today).Covered);
    }

    [Fact]
    public void AChildWhoWasAskedMustAlsoStillAgree()
    {
        var mother = Entry(ConsentGiver.Guardian, Mother, Agencies.All);
        var child = Entry(ConsentGiver.Child, null, Agencies.All);

        Assert.True(new ConsentLedger([mother, child], [], [Mother]).CoverageFor(Sector.SocialServices, Today).Covered);
        var withdrawn = new ConsentLedger([mother, child], [Withdraw(child)], [Mother]);
        var coverage = withdrawn.CoverageFor(Sector.SocialServices, Today);
        Assert.False(coverage.Covered);
        Assert.Equal(ConsentGiver.Child, Assert.Single(coverage.Missing).Giver);
    }

    [Fact]
    public void TheSharedCategoriesAreThoseEveryoneAgreedTo()
    {
        var mother = Entry(ConsentGiver.Guardian, Mother, Agencies.All, categories: Agencies.School | Agencies.HealthCare);
        var father = Entry(ConsentGiver.Guardian, Father, Agencies.All, categories: Agencies.School | Agencies.SocialServices);

        Assert.Equal(Agencies.School, new ConsentLedger([mother, father], [], [Mother, Father]).CoverageFor(Sector.School, Today).Categories);
    }

    [Fact]
    public void AnEntryCannotEndBeforeItBegins()
    {
        var failure = Assert.Throws<DomainException>(() => Entry(ConsentGiver.Guardian, Mother, Agencies.All, Today, Today.AddDays(-1)));
        Assert.Equal("Consent_ValidTo_BeforeFrom", failure.Code);
    }

    [Fact]
    public void AWithdrawalNamesWhoWithdrew()
    {
        var entry = Entry(ConsentGiver.Guardian, Mother, Agencies.All);

        Assert.Equal("Consent_WithdrawnBy_Required", Assert.Throws<DomainException>(() => ConsentWithdrawal.Of(entry, "  ", null, Karin, DateTimeOffset.UtcNow)).Code);
        var withdrawal = ConsentWithdrawal.Of(entry, " Petra  Sjöberg ", "Vill inte längre.", Karin, DateTimeOffset.UtcNow);
        Assert.Equal(("Petra Sjöberg", entry.Id, Child, "Karin Ek"), (withdrawal.WithdrawnBy, withdrawal.ConsentId, withdrawal.ChildId, withdrawal.RecordedByName));
    }

    [Fact]
    public void TheNeededGiversAreTheGuardiansWithCustodyAndTheChildOnceAsked()
    {
        Assert.Equal([new NeededGiver(ConsentGiver.Guardian, Mother)], new ConsentLedger([], [], [Mother]).NeededGivers());
        Assert.Equal([new NeededGiver(ConsentGiver.Child, null)], new ConsentLedger([], [], []).NeededGivers());
        Assert.Equal(
            [new NeededGiver(ConsentGiver.Guardian, Mother), new NeededGiver(ConsentGiver.Child, null)],
            new ConsentLedger([Entry(ConsentGiver.Child, null, Agencies.School)], [], [Mother]).NeededGivers());
    }
}

using TabbPortal.Domain.Concerns;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>Concerns through <c>ChildService</c>: a concern handed over to a unit opens the child to that unit, and only to it.</summary>
public sealed class ChildConcernTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => ChildInputs.Today;

    [Fact]
    public async Task A_concern_handed_over_to_a_unit_with_a_report_to_social_services_makes_the_child_visible_to_that_unit()
    {
        var alva = await ChildIdAsync(factory, "Alva", "Lindgren");
        var bup = await UnitIdAsync(factory, "BUP Sörmland");
        Assert.Null(await factory.AsAsync(Jonas, s => s.GetAsync(alva)));
        Assert.Empty(await factory.AsAsync(Jonas, s => s.SearchAsync("Alva")));

        var recorded = await factory.AsAsync(Karin, s => s.RecordConcernAsync(new ConcernInput
        {
            ChildId = alva,
            WhatIsInTheWay = "  Alva sover dåligt och är rädd för att gå till skolan.\nHon har tappat i vikt.  ",
            InformationNeeded = "Hur Alva mår hemma.",
            WhatICanDo = "Möta Alva vid skolstart varje morgon.",
            WhatMyAgencyCanDo = " ",
            HelpNeededFromOthers = "En bedömning av BUP.",
            Decision = ConcernDecision.HandOverToAnotherAgency,
            HandOverToUnitId = bup,
            ReportedToSocialServices = true,
            ReportedOn = Today.AddDays(-1),
        }));

        recorded.AssertSaved();
        var seenByJonas = await factory.AsAsync(Jonas, s => s.GetAsync(alva));
        Assert.NotNull(seenByJonas);
        Assert.Equal(("Alva", "Lindgren"), (seenByJonas.GivenName, seenByJonas.FamilyName));
        var concern = Assert.Single(seenByJonas.Concerns);
        Assert.Equal(recorded.Id, concern.Id);
        Assert.Equal(("Karin Ek", "Ekskolan"), (concern.RaisedBy, concern.RaisedByUnit));
        Assert.Equal("Alva sover dåligt och är rädd för att gå till skolan.\nHon har tappat i vikt.", concern.WhatIsInTheWay);
        Assert.Equal(("Hur Alva mår hemma.", "Möta Alva vid skolstart varje morgon.", (string?)null, "En bedömning av BUP."),
            (concern.InformationNeeded, concern.WhatICanDo, concern.WhatMyAgencyCanDo, concern.HelpNeededFromOthers));
        Assert.Equal((ConcernDecision.HandOverToAnotherAgency, "BUP Sörmland"), (concern.Decision, concern.HandedOverTo));
        Assert.Equal(((DateOnly?)Today.AddDays(-1), "Karin Ek"), (concern.ReportedOn, concern.ReportedBy));
        Assert.InRange(concern.RaisedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(alva, Assert.Single(await factory.AsAsync(Jonas, s => s.SearchAsync("Alva"))).Id);

        // Only the receiving unit: another unit that had nothing to do with Alva still cannot see her.
        Assert.Null(await factory.AsAsync(Lina, s => s.GetAsync(alva)));
        Assert.Null(await factory.AsAsync(Maria, s => s.GetAsync(alva)));
    }

    [Fact]
    public async Task A_concern_handled_within_the_agency_does_not_open_the_child_to_a_unit_named_in_the_input()
    {
        var maja = await ChildIdAsync(factory, "Maja", "Holmqvist");
        var bvc = await UnitIdAsync(factory, "BVC Flen");
        Assert.Null(await factory.AsAsync(Maria, s => s.GetAsync(maja)));

        var recorded = await factory.AsAsync(Karin, s => s.RecordConcernAsync(new ConcernInput
        {
            ChildId = maja,
            WhatIsInTheWay = "Maja är ofta trött.",
            Decision = ConcernDecision.HandleWithinAgency,
            HandOverToUnitId = bvc,
        }));

        recorded.AssertSaved();
        Assert.Null(await factory.AsAsync(Maria, s => s.GetAsync(maja)));
        var concern = Assert.Single((await factory.ReloadAsync(Karin, maja)).Concerns);
        Assert.Equal((ConcernDecision.HandleWithinAgency, (string?)null, (DateOnly?)null), (concern.Decision, concern.HandedOverTo, concern.ReportedOn));
    }

    [Fact]
    public async Task A_concern_to_hand_over_without_a_unit_is_refused_and_nothing_is_saved()
    {
        var hugo = await ChildIdAsync(factory, "Hugo", "Dahlberg");
        var before = (await factory.ReloadAsync(Karin, hugo)).Concerns.Count;

        var result = await factory.AsAsync(Karin, s => s.RecordConcernAsync(new ConcernInput
        {
            ChildId = hugo,
            WhatIsInTheWay = "Hugo har slutat äta lunch.",
            Decision = ConcernDecision.HandOverToAnotherAgency,
        }));

        result.AssertFailedWith(nameof(ConcernInput.HandOverToUnitId), "Concern_HandOverUnit_Required");
        Assert.Equal(before, (await factory.ReloadAsync(Karin, hugo)).Concerns.Count);
    }
}

using TabbPortal.Domain.Children;
using TabbPortal.Domain.Common;

namespace TabbPortal.Tests.Domain.Children;

public sealed class ChildTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly RegisteredOn = new(2026, 3, 10);
    private static readonly Guid FlenId = Guid.NewGuid();
    private static readonly Guid NykopingId = Guid.NewGuid();
    private static readonly Guid BruksskolanId = Guid.NewGuid();
    private static readonly StaffRef Karin = new("karin-id", "Karin Lind", Guid.NewGuid());
    private static readonly StaffRef Sara = new("sara-id", "Sara Ek", Guid.NewGuid());
    private static readonly StaffRef Omar = new("omar-id", "Omar Haddad", Guid.NewGuid());

    private static readonly PersonalIdentityNumber Number =
        PersonalIdentityNumber.Parse(TestPins.WithControlDigit("20150301-123"), RegisteredOn);

    private static Child Register(params GuardianInput[] guardians) =>
        Child.Register(Number, "Alva", "Berg", FlenId, BruksskolanId, guardians, Karin, RegisteredAt);

    private static Child RegisterCoordinatedFrom(DateOnly from)
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Coordinated, from, Karin.UserId, null);
        return child;
    }

    private static DateOnly Day(int daysAfterRegistration) => RegisteredOn.AddDays(daysAfterRegistration);

    private static GuardianInput Mother(Guid? id = null) =>
        new() { Id = id, Name = "Lena Berg", Relationship = "mamma", Phone = "070-123 45 67", Email = "lena@exempel.se" };

    private static GuardianInput Father(Guid? id = null) =>
        new() { Id = id, Name = "Per Berg", Relationship = "pappa", Phone = "070-765 43 21" };

    [Fact]
    public void RegisterStartsAtTheUniversalLevelWithOneOpenPeriodFromTheRegistrationDate()
    {
        var child = Register();

        var period = Assert.Single(child.SupportLevels);
        Assert.Equal(SupportLevel.Universal, period.Level);
        Assert.Equal(RegisteredOn, period.From);
        Assert.Null(period.To);
        Assert.True(period.IsCurrent);
        Assert.Equal(Karin.UserId, period.DecidedByUserId);
        Assert.Null(period.Reason);
        Assert.Equal(SupportLevel.Universal, child.CurrentSupportLevel);
    }

    [Fact]
    public void RegisterKeepsTheNumberThePlacesAndWhoRegisteredTheChild()
    {
        var child = Register();

        Assert.NotEqual(Guid.Empty, child.Id);
        Assert.Equal(Number, child.PersonalIdentityNumber);
        Assert.Equal(FlenId, child.MunicipalityId);
        Assert.Equal(BruksskolanId, child.SchoolUnitId);
        Assert.Equal(Karin.UnitId, child.RegisteredByUnitId);
        Assert.Equal(Karin.UserId, child.RegisteredByUserId);
        Assert.Equal(RegisteredAt, child.RegisteredAt);
        Assert.Empty(child.Roles);
    }

    [Fact]
    public void RegisterGivesEveryChildItsOwnId()
    {
        Assert.NotEqual(Register().Id, Register().Id);
    }

    [Fact]
    public void RegisterNormalisesTheNames()
    {
        var child = Child.Register(Number, "  Alva \t Maria ", " Berg  Lind", FlenId, null, [], Karin, RegisteredAt);

        Assert.Equal("Alva Maria", child.GivenName);
        Assert.Equal("Berg Lind", child.FamilyName);
        Assert.Equal("Alva Maria Berg Lind", child.FullName);
        Assert.Null(child.SchoolUnitId);
    }

    [Fact]
    public void RegisterKeepsTheGuardiansWithTheirContactDetailsTidied()
    {
        var child = Register(
            new GuardianInput { Name = "  Lena   Berg ", Relationship = " mamma ", Phone = " 070-123 45 67 ", Email = " Lena.Berg@Exempel.SE " },
            new GuardianInput { Name = "Per Berg", Relationship = "  ", Phone = null, Email = "", HasCustody = false });

        Assert.Collection(
            child.Guardians,
            lena =>
            {
                Assert.NotEqual(Guid.Empty, lena.Id);
                Assert.Equal("Lena Berg", lena.Name);
                Assert.Equal("mamma", lena.Relationship);
                Assert.Equal("070-123 45 67", lena.Phone);
                Assert.Equal("lena.berg@exempel.se", lena.Email);
                Assert.True(lena.HasCustody);
            },
            per =>
            {
                Assert.Equal("Per Berg", per.Name);
                Assert.Null(per.Relationship);
                Assert.Null(per.Phone);
                Assert.Null(per.Email);
                Assert.False(per.HasCustody);
            });
    }

    [Theory]
    [InlineData("", "Berg")]
    [InlineData("  ", "Berg")]
    [InlineData("Alva", "")]
    [InlineData("Alva", "\t\n")]
    public void RegisterRefusesAChildWithoutBothNames(string givenName, string familyName)
    {
        var error = Assert.Throws<DomainException>(() =>
            Child.Register(Number, givenName, familyName, FlenId, null, [], Karin, RegisteredAt));

        Assert.Equal("Child_Name_Required", error.Code);
    }

    [Fact]
    public void ChangeDetailsReplacesNamesAndPlaces()
    {
        var child = Register();

        child.ChangeDetails(" Alva  Maria ", "Lind ", NykopingId, null, []);

        Assert.Equal("Alva Maria", child.GivenName);
        Assert.Equal("Lind", child.FamilyName);
        Assert.Equal(NykopingId, child.MunicipalityId);
        Assert.Null(child.SchoolUnitId);
    }

    [Fact]
    public void ChangeDetailsUpdatesKeptGuardiansAddsNewOnesAndRemovesMissingOnes()
    {
        var child = Register(Mother(), Father());
        var lena = child.Guardians.Single(g => g.Name == "Lena Berg");

        var renamedLena = Mother(lena.Id);
        renamedLena.Name = "Lena Lind";
        renamedLena.Email = "Lena.Lind@Exempel.se";
        renamedLena.HasCustody = false;
        child.ChangeDetails("Alva", "Berg", FlenId, BruksskolanId,
            [renamedLena, new GuardianInput { Name = "Eva Holm", Relationship = "familjehemsförälder" }]);

        Assert.Equal(2, child.Guardians.Count);
        var kept = Assert.Single(child.Guardians, g => g.Id == lena.Id);
        Assert.Same(lena, kept);
        Assert.Equal("Lena Lind", kept.Name);
        Assert.Equal("lena.lind@exempel.se", kept.Email);
        Assert.False(kept.HasCustody);
        var added = Assert.Single(child.Guardians, g => g.Name == "Eva Holm");
        Assert.NotEqual(Guid.Empty, added.Id);
        Assert.NotEqual(lena.Id, added.Id);
        Assert.DoesNotContain(child.Guardians, g => g.Name == "Per Berg");
    }

    [Fact]
    public void ChangeDetailsWithNoGuardiansRemovesThemAll()
    {
        var child = Register(Mother(), Father());

        child.ChangeDetails("Alva", "Berg", FlenId, BruksskolanId, []);

        Assert.Empty(child.Guardians);
    }

    [Theory]
    [InlineData("", "Berg")]
    [InlineData("Alva", " ")]
    public void ChangeDetailsRefusesAnEmptyNameAndChangesNothing(string givenName, string familyName)
    {
        var child = Register(Mother());
        var lena = Assert.Single(child.Guardians);

        var error = Assert.Throws<DomainException>(() =>
            child.ChangeDetails(givenName, familyName, NykopingId, null, [Father()]));

        Assert.Equal("Child_Name_Required", error.Code);
        Assert.Equal("Alva Berg", child.FullName);
        Assert.Equal(FlenId, child.MunicipalityId);
        Assert.Equal(BruksskolanId, child.SchoolUnitId);
        Assert.Same(lena, Assert.Single(child.Guardians));
    }

    [Fact]
    public void ChangeSupportLevelClosesTheCurrentPeriodOnTheDateAndOpensTheNext()
    {
        var child = Register();

        var changed = child.ChangeSupportLevel(SupportLevel.Targeted, Day(30), Sara.UserId, "  Stöd i  läsning. ");

        Assert.True(changed);
        Assert.Equal(SupportLevel.Targeted, child.CurrentSupportLevel);
        Assert.Collection(
            child.SupportLevels,
            universal =>
            {
                Assert.Equal(SupportLevel.Universal, universal.Level);
                Assert.Equal(RegisteredOn, universal.From);
                Assert.Equal(Day(30), universal.To);
                Assert.False(universal.IsCurrent);
            },
            targeted =>
            {
                Assert.Equal(SupportLevel.Targeted, targeted.Level);
                Assert.Equal(Day(30), targeted.From);
                Assert.Null(targeted.To);
                Assert.Equal(Sara.UserId, targeted.DecidedByUserId);
                Assert.Equal("Stöd i läsning.", targeted.Reason);
            });
    }

    [Fact]
    public void ChangeSupportLevelWithABlankReasonKeepsNoReason()
    {
        var child = Register();

        child.ChangeSupportLevel(SupportLevel.Targeted, Day(30), Sara.UserId, "   ");

        Assert.Null(child.SupportLevels.Single(p => p.IsCurrent).Reason);
    }

    [Fact]
    public void ChangeSupportLevelToTheSameLevelReturnsFalseAndChangesNothing()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(10), Karin.UserId, null);

        var changed = child.ChangeSupportLevel(SupportLevel.Targeted, Day(20), Sara.UserId, "Igen");

        Assert.False(changed);
        Assert.Equal(2, child.SupportLevels.Count);
        var current = child.SupportLevels.Single(p => p.IsCurrent);
        Assert.Equal(Day(10), current.From);
        Assert.Equal(Karin.UserId, current.DecidedByUserId);
        Assert.Null(current.Reason);
    }

    [Fact]
    public void ChangeSupportLevelRefusesADateBeforeTheCurrentPeriodAndChangesNothing()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(10), Karin.UserId, null);

        var error = Assert.Throws<DomainException>(() =>
            child.ChangeSupportLevel(SupportLevel.Coordinated, Day(9), Karin.UserId, null));

        Assert.Equal("SupportLevel_BeforeCurrent", error.Code);
        Assert.Equal(SupportLevel.Targeted, child.CurrentSupportLevel);
        Assert.Equal(2, child.SupportLevels.Count);
        Assert.Null(child.SupportLevels.Single(p => p.Level == SupportLevel.Targeted).To);
    }

    [Fact]
    public void ChangeSupportLevelAcceptsTheDayTheCurrentPeriodStarted()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(10), Karin.UserId, null);

        Assert.True(child.ChangeSupportLevel(SupportLevel.Coordinated, Day(10), Karin.UserId, null));

        Assert.Equal(SupportLevel.Coordinated, child.CurrentSupportLevel);
        Assert.Equal(Day(10), child.SupportLevels.Single(p => p.Level == SupportLevel.Targeted).To);
    }

    [Theory]
    [InlineData(SupportLevel.Targeted)]
    [InlineData(SupportLevel.Universal)]
    public void LeavingTheCoordinatedLevelEndsTheCurrentCoordinatorOnThatDate(SupportLevel next)
    {
        var child = RegisterCoordinatedFrom(Day(10));
        var coordinator = child.AssignRole(ChildRole.Coordinator, Sara, Day(12), null);

        child.ChangeSupportLevel(next, Day(40), Karin.UserId, null);

        Assert.Equal(Day(40), coordinator.To);
        Assert.Same(coordinator, child.CurrentHolder(ChildRole.Coordinator, Day(39)));
        Assert.Null(child.CurrentHolder(ChildRole.Coordinator, Day(40)));
    }

    [Fact]
    public void LeavingTheCoordinatedLevelKeepsTheContactPerson()
    {
        var child = RegisterCoordinatedFrom(Day(10));
        var contact = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);
        child.AssignRole(ChildRole.Coordinator, Sara, Day(12), null);

        child.ChangeSupportLevel(SupportLevel.Targeted, Day(40), Karin.UserId, null);

        Assert.Null(contact.To);
        Assert.Same(contact, child.CurrentHolder(ChildRole.ContactPerson, Day(40)));
    }

    [Fact]
    public void MovingFromTargetedToCoordinatedAppointsNoCoordinator()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(5), Karin.UserId, null);

        child.ChangeSupportLevel(SupportLevel.Coordinated, Day(10), Karin.UserId, null);

        Assert.Empty(child.Roles);
    }

    [Fact]
    public void AssignRoleGivesTheRoleToTheMemberOfStaffFromTheDate()
    {
        var child = Register();

        var assignment = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), "  Ny   kontaktperson. ");

        Assert.Same(assignment, Assert.Single(child.Roles));
        Assert.NotEqual(Guid.Empty, assignment.Id);
        Assert.Equal(ChildRole.ContactPerson, assignment.Role);
        Assert.Equal(Karin.UserId, assignment.StaffUserId);
        Assert.Equal(Karin.Name, assignment.StaffName);
        Assert.Equal(Karin.UnitId, assignment.UnitId);
        Assert.Equal(Day(1), assignment.From);
        Assert.Null(assignment.To);
        Assert.Equal("Ny kontaktperson.", assignment.HandoverNote);
    }

    [Fact]
    public void AssignRoleWithABlankNoteKeepsNoNote()
    {
        var child = Register();

        var assignment = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), " \n ");

        Assert.Null(assignment.HandoverNote);
    }

    [Fact]
    public void AHandoverEndsThePreviousHolderOnTheHandoverDateAndKeepsBothInTheHistory()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);

        var omar = child.AssignRole(ChildRole.ContactPerson, Omar, Day(50), "Alva börjar i årskurs 1.");

        Assert.Equal(Day(50), karin.To);
        Assert.Null(omar.To);
        Assert.Equal(Day(50), omar.From);
        Assert.Equal("Alva börjar i årskurs 1.", omar.HandoverNote);
        Assert.Equal(new[] { karin, omar }, child.Roles);
        Assert.Same(karin, child.CurrentHolder(ChildRole.ContactPerson, Day(49)));
        Assert.Same(omar, child.CurrentHolder(ChildRole.ContactPerson, Day(50)));
    }

    [Fact]
    public void AHandoverOnTheDayTheCurrentAssignmentStartedIsAllowed()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);

        var omar = child.AssignRole(ChildRole.ContactPerson, Omar, Day(1), "Fel person valdes.");

        Assert.Equal(Day(1), karin.To);
        Assert.Same(omar, child.CurrentHolder(ChildRole.ContactPerson, Day(1)));
    }

    [Fact]
    public void AssigningTheRoleToItsCurrentHolderIsRefused()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.ContactPerson, Karin, Day(5), null));

        Assert.Equal("Role_SameHolder", error.Code);
        Assert.Same(karin, Assert.Single(child.Roles));
        Assert.Null(karin.To);
    }

    [Fact]
    public void TheRoleCanGoBackToAnEarlierHolderAfterAHandover()
    {
        var child = Register();
        child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);
        var omar = child.AssignRole(ChildRole.ContactPerson, Omar, Day(10), null);

        var karinAgain = child.AssignRole(ChildRole.ContactPerson, Karin, Day(20), "Tillbaka efter föräldraledighet.");

        Assert.Equal(Day(20), omar.To);
        Assert.Equal(3, child.Roles.Count);
        Assert.Same(karinAgain, child.CurrentHolder(ChildRole.ContactPerson, Day(20)));
    }

    [Fact]
    public void TheSameHolderCanTakeTheRoleAgainAfterItEnded()
    {
        var child = Register();
        var first = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);
        child.EndRole(ChildRole.ContactPerson, Day(10));

        var second = child.AssignRole(ChildRole.ContactPerson, Karin, Day(20), null);

        Assert.Equal(Day(10), first.To);
        Assert.Null(second.To);
        Assert.Null(child.CurrentHolder(ChildRole.ContactPerson, Day(15)));
        Assert.Same(second, child.CurrentHolder(ChildRole.ContactPerson, Day(20)));
    }

    [Fact]
    public void AnAssignmentBeforeTheLatestAssignmentIsRefused()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.ContactPerson, Omar, Day(9), null));

        Assert.Equal("Role_BeforeCurrent", error.Code);
        Assert.Same(karin, Assert.Single(child.Roles));
        Assert.Null(karin.To);
    }

    [Fact]
    public void AnAssignmentBeforeTheLatestIsRefusedEvenWhenThatOneHasEnded()
    {
        var child = Register();
        child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);
        child.EndRole(ChildRole.ContactPerson, Day(20));

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.ContactPerson, Omar, Day(5), null));

        Assert.Equal("Role_BeforeCurrent", error.Code);
        Assert.Single(child.Roles);
    }

    [Fact]
    public void TheTwoRolesAreHandedOverIndependently()
    {
        var child = RegisterCoordinatedFrom(Day(5));
        var contact = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);
        child.AssignRole(ChildRole.Coordinator, Karin, Day(5), null);

        var coordinator = child.AssignRole(ChildRole.Coordinator, Sara, Day(8), null);

        Assert.Null(contact.To);
        Assert.Same(contact, child.CurrentHolder(ChildRole.ContactPerson, Day(8)));
        Assert.Same(coordinator, child.CurrentHolder(ChildRole.Coordinator, Day(8)));
    }

    [Theory]
    [InlineData(SupportLevel.Universal)]
    [InlineData(SupportLevel.Targeted)]
    public void ACoordinatorIsRefusedBelowTheCoordinatedLevel(SupportLevel level)
    {
        var child = Register();
        child.ChangeSupportLevel(level, Day(5), Karin.UserId, null);

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.Coordinator, Sara, Day(6), null));

        Assert.Equal("Role_Coordinator_RequiresCoordinatedLevel", error.Code);
        Assert.Empty(child.Roles);
    }

    [Fact]
    public void ACoordinatorNeedsTheCoordinatedLevelOnTheDateOfTheAssignment()
    {
        var child = RegisterCoordinatedFrom(Day(10));

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.Coordinator, Sara, Day(9), null));

        Assert.Equal("Role_Coordinator_RequiresCoordinatedLevel", error.Code);
        Assert.Equal(Day(10), child.AssignRole(ChildRole.Coordinator, Sara, Day(10), null).From);
    }

    [Fact]
    public void ACoordinatorIsRefusedAfterTheCoordinatedPeriodEnded()
    {
        var child = RegisterCoordinatedFrom(Day(10));
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(20), Karin.UserId, null);

        var error = Assert.Throws<DomainException>(() => child.AssignRole(ChildRole.Coordinator, Sara, Day(20), null));

        Assert.Equal("Role_Coordinator_RequiresCoordinatedLevel", error.Code);
    }

    [Fact]
    public void AContactPersonNeedsNoParticularLevel()
    {
        var child = Register();

        child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);

        Assert.Equal(SupportLevel.Universal, child.CurrentSupportLevel);
        Assert.Single(child.Roles);
    }

    [Fact]
    public void AnAssignmentIsCurrentFromItsFirstDayUpToButNotIncludingItsEnd()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);
        child.EndRole(ChildRole.ContactPerson, Day(20));

        Assert.False(karin.IsCurrentOn(Day(9)));
        Assert.True(karin.IsCurrentOn(Day(10)));
        Assert.True(karin.IsCurrentOn(Day(19)));
        Assert.False(karin.IsCurrentOn(Day(20)));
    }

    [Fact]
    public void AnOpenAssignmentIsCurrentOnEveryLaterDay()
    {
        var child = Register();

        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        Assert.True(karin.IsCurrentOn(Day(10)));
        Assert.True(karin.IsCurrentOn(Day(10_000)));
        Assert.False(karin.IsCurrentOn(Day(9)));
    }

    [Fact]
    public void CurrentHolderIsNobodyBeforeTheFirstAssignmentAndForAnotherRole()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        Assert.Null(child.CurrentHolder(ChildRole.ContactPerson, Day(9)));
        Assert.Same(karin, child.CurrentHolder(ChildRole.ContactPerson, Day(10)));
        Assert.Null(child.CurrentHolder(ChildRole.Coordinator, Day(10)));
    }

    [Fact]
    public void CurrentHolderFollowsTheHistoryAcrossHandovers()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(1), null);
        var omar = child.AssignRole(ChildRole.ContactPerson, Omar, Day(10), null);
        var sara = child.AssignRole(ChildRole.ContactPerson, Sara, Day(20), null);

        Assert.Same(karin, child.CurrentHolder(ChildRole.ContactPerson, Day(1)));
        Assert.Same(karin, child.CurrentHolder(ChildRole.ContactPerson, Day(9)));
        Assert.Same(omar, child.CurrentHolder(ChildRole.ContactPerson, Day(10)));
        Assert.Same(omar, child.CurrentHolder(ChildRole.ContactPerson, Day(19)));
        Assert.Same(sara, child.CurrentHolder(ChildRole.ContactPerson, Day(20)));
    }

    [Fact]
    public void EndRoleEndsTheCurrentAssignmentOnTheDate()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        child.EndRole(ChildRole.ContactPerson, Day(30));

        Assert.Equal(Day(30), karin.To);
        Assert.Same(karin, child.CurrentHolder(ChildRole.ContactPerson, Day(29)));
        Assert.Null(child.CurrentHolder(ChildRole.ContactPerson, Day(30)));
    }

    [Fact]
    public void EndRoleAcceptsTheDayTheAssignmentStarted()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        child.EndRole(ChildRole.ContactPerson, Day(10));

        Assert.Equal(Day(10), karin.To);
        Assert.Null(child.CurrentHolder(ChildRole.ContactPerson, Day(10)));
    }

    [Fact]
    public void EndRoleWithNobodyInTheRoleIsRefused()
    {
        var child = Register();

        var error = Assert.Throws<DomainException>(() => child.EndRole(ChildRole.ContactPerson, Day(10)));

        Assert.Equal("Role_NoHolder", error.Code);
    }

    [Fact]
    public void EndRoleAfterTheRoleHasEndedIsRefused()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);
        child.EndRole(ChildRole.ContactPerson, Day(20));

        var error = Assert.Throws<DomainException>(() => child.EndRole(ChildRole.ContactPerson, Day(30)));

        Assert.Equal("Role_NoHolder", error.Code);
        Assert.Equal(Day(20), karin.To);
    }

    [Fact]
    public void EndRoleOnlyLooksAtTheGivenRole()
    {
        var child = Register();
        child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        var error = Assert.Throws<DomainException>(() => child.EndRole(ChildRole.Coordinator, Day(20)));

        Assert.Equal("Role_NoHolder", error.Code);
    }

    [Fact]
    public void EndRoleBeforeTheAssignmentStartedIsRefused()
    {
        var child = Register();
        var karin = child.AssignRole(ChildRole.ContactPerson, Karin, Day(10), null);

        var error = Assert.Throws<DomainException>(() => child.EndRole(ChildRole.ContactPerson, Day(9)));

        Assert.Equal("Role_EndBeforeStart", error.Code);
        Assert.Null(karin.To);
    }

    [Fact]
    public void LevelOnTheDayOfASameDayChangeIsTheNewLevel()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, RegisteredOn, Karin.UserId, null);
        child.ChangeSupportLevel(SupportLevel.Coordinated, RegisteredOn, Karin.UserId, null);

        Assert.Equal(SupportLevel.Coordinated, child.LevelOn(RegisteredOn));
        Assert.Equal(SupportLevel.Coordinated, child.LevelOn(Day(1)));
    }

    [Fact]
    public void ACoordinatorCanBeAppointedOnTheDayAChildIsRegisteredAndMadeCoordinated()
    {
        var child = RegisterCoordinatedFrom(RegisteredOn);

        var coordinator = child.AssignRole(ChildRole.Coordinator, Sara, RegisteredOn, null);

        Assert.Same(coordinator, child.CurrentHolder(ChildRole.Coordinator, RegisteredOn));
    }

    [Fact]
    public void LevelOnGivesTheLevelInForceOnEachDateOfTheHistory()
    {
        var child = Register();
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(10), Karin.UserId, null);
        child.ChangeSupportLevel(SupportLevel.Coordinated, Day(20), Karin.UserId, null);
        child.ChangeSupportLevel(SupportLevel.Targeted, Day(30), Karin.UserId, null);

        Assert.Equal(SupportLevel.Universal, child.LevelOn(RegisteredOn));
        Assert.Equal(SupportLevel.Universal, child.LevelOn(Day(9)));
        Assert.Equal(SupportLevel.Targeted, child.LevelOn(Day(10)));
        Assert.Equal(SupportLevel.Targeted, child.LevelOn(Day(19)));
        Assert.Equal(SupportLevel.Coordinated, child.LevelOn(Day(20)));
        Assert.Equal(SupportLevel.Coordinated, child.LevelOn(Day(29)));
        Assert.Equal(SupportLevel.Targeted, child.LevelOn(Day(30)));
        Assert.Equal(SupportLevel.Targeted, child.LevelOn(Day(1_000)));
    }
}

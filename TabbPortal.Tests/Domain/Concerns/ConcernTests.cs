using TabbPortal.Domain.Children;
using TabbPortal.Domain.Common;
using TabbPortal.Domain.Concerns;

namespace TabbPortal.Tests.Domain.Concerns;

public sealed class ConcernTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid AlvasId = Guid.NewGuid();
    private static readonly Guid SocialServicesId = Guid.NewGuid();
    private static readonly StaffRef Karin = new("karin-id", "Karin Lind", Guid.NewGuid());
    private static readonly StaffRef Omar = new("omar-id", "Omar Haddad", Guid.NewGuid());

    private static ConcernInput Input(ConcernDecision? decision = ConcernDecision.HandleWithinAgency) => new()
    {
        ChildId = AlvasId,
        WhatIsInTheWay = "Alva är ofta trött och hungrig på morgonen.",
        Decision = decision,
    };

    [Fact]
    public void RecordKeepsTheChildWhoRaisedItWhenAndTheDecision()
    {
        var concern = Concern.Record(Input(ConcernDecision.ConsentAndJointMeeting), Karin, Now);

        Assert.NotEqual(Guid.Empty, concern.Id);
        Assert.Equal(AlvasId, concern.ChildId);
        Assert.Equal(Karin.UserId, concern.RaisedByUserId);
        Assert.Equal(Karin.Name, concern.RaisedByName);
        Assert.Equal(Karin.UnitId, concern.RaisedByUnitId);
        Assert.Equal(Now, concern.RaisedAt);
        Assert.Equal(ConcernDecision.ConsentAndJointMeeting, concern.Decision);
        Assert.Null(concern.HandOverToUnitId);
    }

    [Fact]
    public void RecordKeepsTheAnswersTrimmedWithTheirLineBreaks()
    {
        var input = Input();
        input.WhatIsInTheWay = "  Trött på morgonen.\r\n\r\nHar  ofta  inte ätit frukost.\n ";
        input.InformationNeeded = "\tVad säger BVC?\nHur ser det ut hemma? ";
        input.WhatICanDo = " Prata med Alva.";
        input.WhatMyAgencyCanDo = "Erbjuda frukost i skolan. ";
        input.HelpNeededFromOthers = "\nKanske socialtjänsten.\n";

        var concern = Concern.Record(input, Karin, Now);

        Assert.Equal("Trött på morgonen.\r\n\r\nHar  ofta  inte ätit frukost.", concern.WhatIsInTheWay);
        Assert.Equal("Vad säger BVC?\nHur ser det ut hemma?", concern.InformationNeeded);
        Assert.Equal("Prata med Alva.", concern.WhatICanDo);
        Assert.Equal("Erbjuda frukost i skolan.", concern.WhatMyAgencyCanDo);
        Assert.Equal("Kanske socialtjänsten.", concern.HelpNeededFromOthers);
    }

    [Fact]
    public void RecordKeepsNoAnswerForQuestionsLeftBlank()
    {
        var input = Input();
        input.InformationNeeded = null;
        input.WhatICanDo = "";
        input.WhatMyAgencyCanDo = "   ";
        input.HelpNeededFromOthers = "\r\n\t";

        var concern = Concern.Record(input, Karin, Now);

        Assert.Null(concern.InformationNeeded);
        Assert.Null(concern.WhatICanDo);
        Assert.Null(concern.WhatMyAgencyCanDo);
        Assert.Null(concern.HelpNeededFromOthers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void RecordRequiresWhatIsGettingInTheWay(string whatIsInTheWay)
    {
        var input = Input();
        input.WhatIsInTheWay = whatIsInTheWay;

        var error = Assert.Throws<DomainException>(() => Concern.Record(input, Karin, Now));

        Assert.Equal("Concern_WhatIsInTheWay_Required", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    public void RecordRequiresADecision(int? decision)
    {
        var error = Assert.Throws<DomainException>(() => Concern.Record(Input((ConcernDecision?)decision), Karin, Now));

        Assert.Equal("Concern_Decision_Required", error.Code);
    }

    [Fact]
    public void AHandOverRequiresTheUnit()
    {
        var error = Assert.Throws<DomainException>(() => Concern.Record(Input(ConcernDecision.HandOverToAnotherAgency), Karin, Now));

        Assert.Equal("Concern_HandOverUnit_Required", error.Code);
    }

    [Fact]
    public void AHandOverKeepsTheUnit()
    {
        var input = Input(ConcernDecision.HandOverToAnotherAgency);
        input.HandOverToUnitId = SocialServicesId;

        var concern = Concern.Record(input, Karin, Now);

        Assert.Equal(ConcernDecision.HandOverToAnotherAgency, concern.Decision);
        Assert.Equal(SocialServicesId, concern.HandOverToUnitId);
    }

    [Theory]
    [InlineData(ConcernDecision.HandleWithinAgency)]
    [InlineData(ConcernDecision.ConsentAndJointMeeting)]
    public void AUnitGivenWithAnotherDecisionIsDropped(ConcernDecision decision)
    {
        var input = Input(decision);
        input.HandOverToUnitId = SocialServicesId;

        var concern = Concern.Record(input, Karin, Now);

        Assert.Equal(decision, concern.Decision);
        Assert.Null(concern.HandOverToUnitId);
    }

    [Fact]
    public void NoReportIsRecordedWhenNoneWasMade()
    {
        var input = Input();
        input.ReportedOn = Today.AddDays(-2);

        var concern = Concern.Record(input, Karin, Now);

        Assert.Null(concern.ReportedToSocialServicesOn);
        Assert.Null(concern.ReportedByUserId);
        Assert.Null(concern.ReportedByName);
    }

    [Fact]
    public void AReportIsRecordedWithItsDateAndWhoRaisedTheConcern()
    {
        var input = Input();
        input.ReportedToSocialServices = true;
        input.ReportedOn = Today.AddDays(-2);

        var concern = Concern.Record(input, Karin, Now);

        Assert.Equal(Today.AddDays(-2), concern.ReportedToSocialServicesOn);
        Assert.Equal(Karin.UserId, concern.ReportedByUserId);
        Assert.Equal(Karin.Name, concern.ReportedByName);
    }

    [Fact]
    public void AReportWithoutADateIsDatedToday()
    {
        var input = Input();
        input.ReportedToSocialServices = true;

        var concern = Concern.Record(input, Karin, Now);

        Assert.Equal(Today, concern.ReportedToSocialServicesOn);
    }

    [Fact]
    public void AReportDatedTodayIsAccepted()
    {
        var input = Input();
        input.ReportedToSocialServices = true;
        input.ReportedOn = Today;

        Assert.Equal(Today, Concern.Record(input, Karin, Now).ReportedToSocialServicesOn);
    }

    [Fact]
    public void AReportDatedInTheFutureIsRefused()
    {
        var input = Input();
        input.ReportedToSocialServices = true;
        input.ReportedOn = Today.AddDays(1);

        var error = Assert.Throws<DomainException>(() => Concern.Record(input, Karin, Now));

        Assert.Equal("Concern_ReportedOn_Future", error.Code);
    }

    [Fact]
    public void AReportCanBeRecordedLaterByAnotherMemberOfStaff()
    {
        var concern = Concern.Record(Input(), Karin, Now);

        concern.RecordReportToSocialServices(Today.AddDays(3), Omar, Now.AddDays(3));

        Assert.Equal(Today.AddDays(3), concern.ReportedToSocialServicesOn);
        Assert.Equal(Omar.UserId, concern.ReportedByUserId);
        Assert.Equal(Omar.Name, concern.ReportedByName);
    }

    [Fact]
    public void AReportRecordedLaterCannotBeDatedInTheFuture()
    {
        var concern = Concern.Record(Input(), Karin, Now);

        var error = Assert.Throws<DomainException>(() => concern.RecordReportToSocialServices(Today.AddDays(1), Omar, Now));

        Assert.Equal("Concern_ReportedOn_Future", error.Code);
        Assert.Null(concern.ReportedToSocialServicesOn);
        Assert.Null(concern.ReportedByUserId);
    }
}

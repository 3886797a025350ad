using TabbPortal.Domain.Common;
using TabbPortal.Domain.Implementation;

namespace TabbPortal.Tests.Domain.Implementation;

public sealed class StepProgressTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Organisation = Guid.NewGuid();

    private readonly ImplementationStep _decision = ImplementationStep.Create("Beslut om att införa modellen", null, 1, StepScope.Organisation, false);
    private readonly ImplementationStep _training = ImplementationStep.Create("Personal utbildad", null, 2, StepScope.Unit, true);

    private static StepProgressInput Input(StepStatus status, DateOnly? date = null, int? share = null, string? note = null) =>
        new() { Status = status, Date = date, TrainedShare = share, Note = note, ResponsiblePerson = "Helena Borg" };

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void A_new_step_is_not_started_and_has_no_history()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);

        Assert.Equal(StepStatus.NotStarted, progress.Status);
        Assert.Empty(progress.History);
        Assert.Null(progress.LastChangedAt);
    }

    [Fact]
    public void Each_change_is_kept_with_who_when_and_from_to()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);

        Assert.True(progress.Record(_decision, Input(StepStatus.InProgress, Today.AddDays(-10)), "u1", "Eva Strand", Now.AddDays(-10), Today.AddDays(-10)));
        Assert.True(progress.Record(_decision, Input(StepStatus.Done, Today), "u1", "Eva Strand", Now, Today));

        Assert.Equal(StepStatus.Done, progress.Status);
        Assert.Equal(Today, progress.Date);
        Assert.Equal(Now, progress.LastChangedAt);
        Assert.Collection(progress.History,
            first => Assert.Equal((StepStatus.NotStarted, StepStatus.InProgress, "Eva Strand"), (first.FromStatus, first.ToStatus, first.ChangedByName)),
            second => Assert.Equal((StepStatus.InProgress, StepStatus.Done, Now), (second.FromStatus, second.ToStatus, second.ChangedAt)));
    }

    [Fact]
    public void Recording_the_same_state_again_changes_nothing()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);
        progress.Record(_decision, Input(StepStatus.InProgress, Today), "u1", "Eva Strand", Now, Today);

        Assert.False(progress.Record(_decision, Input(StepStatus.InProgress, Today), "u1", "Eva Strand", Now.AddHours(1), Today));
        Assert.Single(progress.History);
        Assert.Equal(Now, progress.LastChangedAt);
    }

    [Fact]
    public void Done_needs_a_date()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);

        Assert.Equal("Progress_Date_Required", Refused(() => progress.Record(_decision, Input(StepStatus.Done), "u1", "Eva", Now, Today)).Code);
        Assert.Equal(StepStatus.NotStarted, progress.Status);
    }

    [Fact]
    public void A_date_in_the_future_is_refused_and_today_is_accepted()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);

        Assert.Equal("Progress_Date_Future", Refused(() => progress.Record(_decision, Input(StepStatus.Done, Today.AddDays(1)), "u1", "Eva", Now, Today)).Code);
        Assert.True(progress.Record(_decision, Input(StepStatus.Done, Today), "u1", "Eva", Now, Today));
    }

    [Fact]
    public void The_trained_share_belongs_to_the_training_step_only()
    {
        var decision = StepProgress.Start(_decision, Organisation, null);
        var training = StepProgress.Start(_training, Organisation, Guid.NewGuid());

        Assert.Equal("Progress_Share_NotAllowed", Refused(() => decision.Record(_decision, Input(StepStatus.InProgress, Today, share: 50), "u1", "Eva", Now, Today)).Code);
        Assert.True(training.Record(_training, Input(StepStatus.InProgress, Today, share: 50), "u1", "Eva", Now, Today));
        Assert.Equal(50, training.TrainedShare);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void The_trained_share_is_a_percentage(int share)
    {
        var training = StepProgress.Start(_training, Organisation, Guid.NewGuid());

        Assert.Equal("Progress_Share_Range", Refused(() => training.Record(_training, Input(StepStatus.InProgress, Today, share: share), "u1", "Eva", Now, Today)).Code);
    }

    [Fact]
    public void The_status_goes_back_only_with_a_note_which_the_history_keeps()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);
        progress.Record(_decision, Input(StepStatus.Done, Today), "u1", "Eva", Now, Today);

        Assert.Equal("Progress_Note_RequiredWhenBack", Refused(() => progress.Record(_decision, Input(StepStatus.InProgress, Today), "u1", "Eva", Now, Today)).Code);
        Assert.Equal("Progress_Note_RequiredWhenBack", Refused(() => progress.Record(_decision, Input(StepStatus.NotStarted, null, note: "   "), "u1", "Eva", Now, Today)).Code);
        Assert.Equal(StepStatus.Done, progress.Status);

        Assert.True(progress.Record(_decision, Input(StepStatus.InProgress, Today, note: "Beslutet upphävdes."), "u1", "Eva", Now, Today));
        var last = progress.History.Last();
        Assert.Equal((StepStatus.Done, StepStatus.InProgress, "Beslutet upphävdes."), (last.FromStatus, last.ToStatus, last.Note));
    }

    [Fact]
    public void A_retired_step_cannot_be_changed()
    {
        var progress = StepProgress.Start(_decision, Organisation, null);
        _decision.Retire();

        Assert.Equal("Progress_Step_Retired", Refused(() => progress.Record(_decision, Input(StepStatus.InProgress, Today), "u1", "Eva", Now, Today)).Code);
    }

    [Fact]
    public void A_unit_step_needs_a_unit_and_an_organisation_step_has_none()
    {
        Assert.Equal("Progress_Unit_Required", Refused(() => StepProgress.Start(_training, Organisation, null)).Code);
        Assert.Equal("Progress_Unit_NotAllowed", Refused(() => StepProgress.Start(_decision, Organisation, Guid.NewGuid())).Code);
    }

    [Fact]
    public void A_share_change_is_kept_in_the_history()
    {
        var training = StepProgress.Start(_training, Organisation, Guid.NewGuid());
        training.Record(_training, Input(StepStatus.InProgress, Today, share: 40), "u1", "Eva", Now, Today);
        training.Record(_training, Input(StepStatus.InProgress, Today, share: 65), "u1", "Eva", Now, Today);

        var last = training.History.Last();
        Assert.Equal((40, 65), (last.FromShare!.Value, last.ToShare!.Value));
    }
}

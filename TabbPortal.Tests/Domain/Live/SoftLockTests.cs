using TabbPortal.Domain.Live;

namespace TabbPortal.Tests.Domain.Live;

public sealed class SoftLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private static SoftLock KarinHolds(DateTimeOffset since) => SoftLock.Claim(null, "karin", "Karin Ek", since).Lock;

    [Fact]
    public void A_free_field_is_granted_for_the_lock_duration()
    {
        var attempt = SoftLock.Claim(null, "karin", "Karin Ek", Now);

        Assert.True(attempt.Granted);
        Assert.Equal(new SoftLock("karin", "Karin Ek", Now + SoftLock.Duration), attempt.Lock);
        Assert.Equal(TimeSpan.FromSeconds(30), SoftLock.Duration);
    }

    [Fact]
    public void Another_user_is_refused_an_active_lock_and_told_who_holds_it()
    {
        var held = KarinHolds(Now);

        var attempt = SoftLock.Claim(held, "sara", "Sara Holm", Now.AddSeconds(29));

        Assert.False(attempt.Granted);
        Assert.Same(held, attempt.Lock);
        Assert.Equal("Karin Ek", attempt.Lock.HolderName);
    }

    [Fact]
    public void The_holder_renews_the_lock_from_the_moment_of_renewal()
    {
        var held = KarinHolds(Now);

        var attempt = SoftLock.Claim(held, "karin", "Karin Ek", Now.AddSeconds(20));

        Assert.True(attempt.Granted);
        Assert.Equal(Now.AddSeconds(20) + SoftLock.Duration, attempt.Lock.Until);
    }

    [Fact]
    public void An_expired_lock_may_be_taken_by_anyone()
    {
        var held = KarinHolds(Now);

        Assert.True(held.IsActiveAt(Now.AddSeconds(29)));
        Assert.False(held.IsActiveAt(Now.AddSeconds(30)));
        var attempt = SoftLock.Claim(held, "sara", "Sara Holm", Now.AddSeconds(30));
        Assert.True(attempt.Granted);
        Assert.Equal("sara", attempt.Lock.HolderId);
    }

    [Fact]
    public void Only_the_holder_may_release_an_active_lock()
    {
        var held = KarinHolds(Now);

        Assert.True(SoftLock.CanRelease(held, "karin", Now.AddSeconds(5)));
        Assert.False(SoftLock.CanRelease(held, "sara", Now.AddSeconds(5)));
        Assert.False(SoftLock.CanRelease(held, "karin", Now.AddSeconds(31)));
        Assert.False(SoftLock.CanRelease(null, "karin", Now));
    }

    [Fact]
    public void Holders_are_told_apart_by_user_id_not_by_name()
    {
        var held = KarinHolds(Now);

        Assert.False(SoftLock.Claim(held, "karin-2", "Karin Ek", Now.AddSeconds(1)).Granted);
    }

    [Theory]
    [InlineData("views:summary")]
    [InlineData("action:5b1f3c1e-0000-4000-8000-000000000001:evidence")]
    [InlineData("need_1.goal-2")]
    public void Accepts_short_field_keys(string field) => Assert.True(SoftLock.IsValidField(field));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("views summary")]
    [InlineData("<script>")]
    [InlineData("Noah är borta")]
    public void Refuses_anything_but_a_short_field_key(string? field) => Assert.False(SoftLock.IsValidField(field));

    [Fact]
    public void Refuses_a_field_key_over_the_maximum_length()
    {
        Assert.True(SoftLock.IsValidField(new string('a', SoftLock.FieldMaxLength)));
        Assert.False(SoftLock.IsValidField(new string('a', SoftLock.FieldMaxLength + 1)));
    }
}

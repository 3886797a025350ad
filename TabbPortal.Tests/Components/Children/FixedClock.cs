namespace TabbPortal.Tests.Components.Children;

/// <summary>
/// A clock that always reads the same UTC instant, in UTC as its local time zone, so that "today" in the rules
/// (future birth dates, future report dates) is the same on every machine and every day the tests run.
/// </summary>
public sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

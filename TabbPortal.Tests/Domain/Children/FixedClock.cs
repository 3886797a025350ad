namespace TabbPortal.Tests.Domain.Children;

/// <summary>A clock stopped at one instant, with UTC as its local time zone, so that "today" does not depend on the machine.</summary>
internal sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => utcNow;
}

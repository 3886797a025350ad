using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TabbPortal.Tests.Integration;

/// <summary>The portal of <see cref="PortalFactory"/> on a clock the test sets (UTC as local time), for rules that depend on the day.</summary>
public sealed class ClockedPortalFactory : PortalFactory
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A clock that reads what the test last set, in UTC as its local time zone.</summary>
public sealed class TestClock(DateTimeOffset utcNow) : TimeProvider
{
    private long _ticks = utcNow.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Children;

/// <summary>
/// The portal's "today" is the server's local date (<c>TimeProvider.GetLocalNow</c>). Just after midnight in Sweden
/// the UTC date is still yesterday: dates a practitioner gives or gets must follow the local date all the same.
/// </summary>
public sealed class ChildLocalDateTests(StockholmJustAfterMidnightFactory factory) : IClassFixture<StockholmJustAfterMidnightFactory>
{
    [Fact]
    public async Task Just_after_midnight_a_report_to_social_services_dated_today_is_recorded()
    {
        var alva = await ChildIdAsync(factory, "Alva", "Lindgren");

        var result = await factory.AsAsync(Karin, s => s.RecordConcernAsync(new ConcernInput
        {
            ChildId = alva,
            WhatIsInTheWay = "Alva kom till fritids i natt utan att någon visste var hon var.",
            Decision = ConcernDecision.HandleWithinAgency,
            ReportedToSocialServices = true,
            ReportedOn = StockholmJustAfterMidnightFactory.LocalToday,
        }));

        result.AssertSaved();
        var concern = Assert.Single((await factory.ReloadAsync(Karin, alva)).Concerns);
        Assert.Equal(StockholmJustAfterMidnightFactory.LocalToday, concern.ReportedOn);
    }

    [Fact]
    public async Task Just_after_midnight_a_child_registered_now_starts_universal_support_today()
    {
        var input = await ChildInputs.InFlenAsync(factory, TestNumber.Next().TwelveDigits, "Nattuggla");

        var result = await factory.AsAsync(Karin, s => s.RegisterAsync(input));

        result.AssertSaved();
        var period = Assert.Single((await factory.ReloadAsync(Karin, result.Id!.Value)).SupportLevels);
        Assert.Equal((SupportLevel.Universal, StockholmJustAfterMidnightFactory.LocalToday), (period.Level, period.From));
    }
}

/// <summary>The portal on its own database with a clock stopped at 00:30 Swedish time (23:30 UTC the day before).</summary>
public sealed class StockholmJustAfterMidnightFactory : PortalFactory
{
    public static readonly DateTimeOffset UtcNow = new(2026, 1, 14, 23, 30, 0, TimeSpan.Zero);

    public static DateOnly LocalToday => new(2026, 1, 15);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))));
    }

    private sealed class StoppedClock(DateTimeOffset utcNow, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}

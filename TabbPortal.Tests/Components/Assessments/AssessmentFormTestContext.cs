using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Assessments;
using TabbPortal.Web.Assessments;

namespace TabbPortal.Tests.Components.Assessments;

/// <summary>
/// The Swedish form context plus what the assessment form needs: the real validator over a stopped clock (also the
/// <see cref="TimeProvider"/> the form reads "today" from) and the real <see cref="WellbeingLabels"/> over an in-memory
/// configuration in which one Swedish label is configured (<see cref="ConfiguredIncluded"/>), one is configured empty
/// and one is configured only in English.
/// </summary>
public abstract class AssessmentFormTestContext : SwedishFormTestContext
{
    /// <summary>"Today" for every rule: a fixed day in the past, so that a rule reading the real clock would fail the tests.</summary>
    protected static readonly DateOnly Today = new(2024, 3, 15);

    /// <summary>The Swedish label configured for Included, which should win over the resource's "Delaktig".</summary>
    protected const string ConfiguredIncluded = "Känner sig delaktig";

    protected AssessmentFormTestContext()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"Wellbeing:Labels:sv:{WellbeingIndicator.Included}"] = ConfiguredIncluded,
                [$"Wellbeing:Labels:sv:{WellbeingIndicator.Healthy}"] = string.Empty,
                [$"Wellbeing:Labels:en:{WellbeingIndicator.Safe}"] = "Feels safe",
            })
            .Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(new StoppedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));
        Services.AddScoped<IValidator<AssessmentInput>, AssessmentInputValidator>();
        Services.AddScoped<WellbeingLabels>();
    }

    /// <summary>A clock that always reads the same instant, in UTC as its local time zone.</summary>
    private sealed class StoppedClock(DateTimeOffset utcNow) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}

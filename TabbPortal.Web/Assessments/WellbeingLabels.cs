using System.Globalization;
using Microsoft.Extensions.Localization;
using TabbPortal.Domain.Assessments;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Assessments;

/// <summary>
/// The labels of the wellbeing indicators: from configuration (Wellbeing:Labels:{language}:{code}) so that a region
/// can use its own wording, otherwise from the resource files.
/// </summary>
public sealed class WellbeingLabels(IConfiguration configuration, IStringLocalizer<SharedResource> localizer)
{
    public string For(WellbeingIndicator indicator) =>
        configuration[$"Wellbeing:Labels:{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}:{indicator}"] is { } configured
            && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : localizer[$"WellbeingIndicator_{indicator}"];
}

using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Bunit.Extensions.WaitForHelpers;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using TabbPortal.Domain.Access;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Tests.Components;

/// <summary>
/// A bUnit context for the administration forms: Radzen and loose JS interop as in the app, the real resource strings in
/// Swedish (the neutral resx) and the real domain validators over a <see cref="FakeOrganisationDirectory"/>.
/// The culture is set for the test and restored when the context is disposed.
/// </summary>
public abstract class SwedishFormTestContext : TestContext
{
    /// <summary>Validation and saving are asynchronous; generous, so that a slow build agent does not fail a test.</summary>
    protected static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] FieldTags = [TagNames.Input, TagNames.Select, TagNames.Textarea];
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    protected SwedishFormTestContext()
    {
        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentCulture = swedish;
        CultureInfo.CurrentUICulture = swedish;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization();
        Services.AddSingleton<IOrganisationDirectory>(Directory);
        Services.AddScoped<IValidator<OrganisationInput>, OrganisationInputValidator>();
        Services.AddScoped<IValidator<UnitInput>, UnitInputValidator>();
        Services.AddScoped<IValidator<StaffAccountInput>, StaffAccountInputValidator>();
    }

    /// <summary>What is already saved; fill it in the test class's constructor or before rendering.</summary>
    protected FakeOrganisationDirectory Directory { get; } = new();

    /// <summary>The trimmed text of the one element that matches the selector.</summary>
    protected static string TextOf(IRenderedFragment cut, string selector)
    {
        ArgumentNullException.ThrowIfNull(cut);
        return cut.Find(selector).TextContent.Trim();
    }

    /// <summary>The value an input or select shows; null when it has none.</summary>
    protected static string? ValueOf(IRenderedFragment cut, string selector)
    {
        ArgumentNullException.ThrowIfNull(cut);
        return cut.Find(selector).GetAttribute("value");
    }

    /// <summary>Waits until the element with the field's error id shows exactly this message.</summary>
    protected static void WaitForMessage(IRenderedFragment cut, string selector, string expected)
    {
        ArgumentNullException.ThrowIfNull(cut);
        try
        {
            cut.WaitForAssertion(() => Assert.Equal(expected, TextOf(cut, selector)), WaitTimeout);
        }
        catch (WaitForFailedException)
        {
            // Fail with what the element shows instead of bUnit's bare "did not pass within the timeout".
            Assert.Equal(expected, TextOf(cut, selector));
            throw;
        }
    }

    /// <summary>The label with for=id exists once, names an input of the form and reads as expected.</summary>
    protected static void AssertLabelled(IRenderedFragment cut, string id, string expectedLabel)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var label = Assert.Single(cut.FindAll($"label[for='{id}']"));
        Assert.Equal(expectedLabel, label.TextContent.Trim());
        var field = Assert.Single(cut.FindAll($"#{id}"));
        Assert.Contains(field.LocalName, FieldTags);
    }

    /// <summary>Every visible input and select has an id and exactly one label for it; every label names an existing field.</summary>
    protected static void AssertEveryFieldHasALabel(IRenderedFragment cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var fields = cut.FindAll("input, select, textarea")
            .Where(e => e.GetAttribute("type") is not ("hidden" or "submit" or "button"))
            .ToList();
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            Assert.False(string.IsNullOrEmpty(field.Id), $"Field without id: {field.OuterHtml}");
            var label = Assert.Single(cut.FindAll($"label[for='{field.Id}']"));
            Assert.False(string.IsNullOrWhiteSpace(label.TextContent), $"Empty label for {field.Id}");
        }

        foreach (var label in cut.FindAll("label"))
        {
            var target = label.GetAttribute("for");
            Assert.False(string.IsNullOrEmpty(target), $"Label without for: {label.OuterHtml}");
            Assert.Single(fields, f => f.Id == target && FieldTags.Contains(f.LocalName));
        }
    }

    /// <summary>Every id that an aria-describedby names is on the page, so screen readers read the hint and the error.</summary>
    protected static void AssertDescriptionsExist(IRenderedFragment cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var described = cut.FindAll("[aria-describedby]");
        Assert.NotEmpty(described);
        foreach (var element in described)
        {
            foreach (var id in element.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(cut.FindAll($"#{id}").Count == 1, $"{element.Id} is described by missing element #{id}");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CultureInfo.CurrentCulture = _previousCulture;
            CultureInfo.CurrentUICulture = _previousUiCulture;
        }

        base.Dispose(disposing);
    }
}

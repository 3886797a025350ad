using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;

namespace TabbPortal.Tests.Components.Children;

/// <summary>
/// The Swedish form context plus what the child and concern forms need: the real domain validators over a
/// <see cref="FakeChildDirectory"/> and a <see cref="FixedClock"/>, which is also registered as the
/// <see cref="TimeProvider"/> for components that inject one.
/// </summary>
public abstract class ChildrenFormTestContext : SwedishFormTestContext
{
    /// <summary>"Today" for every rule: a fixed day in the past, so that a rule reading the real clock would fail the tests.</summary>
    protected static readonly DateOnly Today = new(2024, 3, 15);

    protected ChildrenFormTestContext()
    {
        Clock = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IChildDirectory>(Children);
        Services.AddScoped<IValidator<ChildInput>, ChildInputValidator>();
        Services.AddScoped<IValidator<ConcernInput>, ConcernInputValidator>();
    }

    protected FixedClock Clock { get; }

    /// <summary>What is already registered; fill it in the test class's constructor or before rendering.</summary>
    protected FakeChildDirectory Children { get; } = new();

    /// <summary>Clicks the one button whose text is exactly <paramref name="text"/>.</summary>
    protected static void ClickButton(IRenderedFragment cut, string text)
    {
        ArgumentNullException.ThrowIfNull(cut);
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == text).Click();
    }
}

using Microsoft.AspNetCore.Components;

namespace TabbPortal.Web.Components.Pages.Plans;

/// <summary>
/// A part of the open plan page that renders again, when its parent hands it parameters, only if what it shows changed.
/// Blazor gives a child new parameters whenever its parent renders, and treats a record or a list as changed every
/// time: in a live meeting the page renders on every change anyone saves, and every part would render the whole plan.
/// </summary>
/// <remarks>
/// Only a render that parameters alone cause is ever skipped: one after the component's own events (typing, a click, a
/// validation message), after its own <c>StateHasChanged</c> or after an awaited <c>OnParametersSetAsync</c> is always
/// made. <see cref="Shown"/> is taken before the parameters are set and again after <c>OnParametersSet</c> (and the part
/// of <c>OnParametersSetAsync</c> before its first await); the render is skipped when both are equal. So it must hold
/// everything the markup shows that parameters can change, and every field that <c>OnParametersSet</c> may change.
/// Values are compared with <see cref="object.Equals(object?)"/>: a tuple of the exact values shown (records compare by
/// value, lists by reference unless wrapped by <see cref="ItemsOf{T}"/>). Only parameters and the component's own fields
/// may be read: state that changes under the component (a live session's, on other threads) would be compared with
/// itself and the render that shows it skipped; copy it into a field in <c>OnParametersSet</c> and render the field.
/// </remarks>
public abstract class PlanPartComponent : ComponentBase
{
    private bool _settingParameters;
    private bool _hasParameters;
    private object? _before;

    /// <summary>What the component shows from its parameters and from what <c>OnParametersSet</c> keeps, as one comparable value.</summary>
    protected abstract object Shown();

    /// <summary>A list compared item by item, for a list its parent builds anew on each of its renders.</summary>
    protected static ShownList<T> ItemsOf<T>(IReadOnlyList<T> list) => new(list);

    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (!_hasParameters)
        {
            _hasParameters = true;
            return base.SetParametersAsync(parameters);
        }

        _before = Shown();
        _settingParameters = true;
        try
        {
            return base.SetParametersAsync(parameters);
        }
        finally
        {
            _settingParameters = false;
            _before = null;
        }
    }

    protected override bool ShouldRender() => !_settingParameters || !Equals(_before, Shown());
}

/// <summary>A list that equals another with the same items in the same order: for what <see cref="PlanPartComponent.Shown"/> returns.</summary>
public readonly struct ShownList<T> : IEquatable<ShownList<T>>
{
    private readonly IReadOnlyList<T>? _items;

    public ShownList(IReadOnlyList<T> items) => _items = items;

    public static bool operator ==(ShownList<T> left, ShownList<T> right) => left.Equals(right);

    public static bool operator !=(ShownList<T> left, ShownList<T> right) => !left.Equals(right);

    public bool Equals(ShownList<T> other) =>
        ReferenceEquals(_items, other._items) || (_items is not null && other._items is not null && _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => obj is ShownList<T> other && Equals(other);

    public override int GetHashCode() => _items?.Count ?? 0;
}

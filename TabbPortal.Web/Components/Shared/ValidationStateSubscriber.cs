using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace TabbPortal.Web.Components.Shared;

/// <summary>Base for components that show validation messages and must re-render when they change.</summary>
public abstract class ValidationStateSubscriber : ComponentBase, IDisposable
{
    private EditContext? _subscribed;

    [CascadingParameter]
    protected EditContext EditContext { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(EditContext, _subscribed))
        {
            Dispose();
            EditContext.OnValidationStateChanged += OnValidationStateChanged;
            _subscribed = EditContext;
        }
    }

    protected IEnumerable<string> MessagesFor(string field) =>
        EditContext.GetValidationMessages(new FieldIdentifier(EditContext.Model, field));

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e) => StateHasChanged();

    public void Dispose()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationStateChanged -= OnValidationStateChanged;
            _subscribed = null;
        }

        GC.SuppressFinalize(this);
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Resources;

namespace TabbPortal.Web.Components.Shared;

/// <summary>
/// Feeds a FluentValidation validator from the domain, and errors returned by a service, into the surrounding
/// <see cref="EditForm"/>. Messages are looked up by error code in the resource files; the domain's Swedish text is
/// the fallback. Property "" holds errors about the form as a whole.
/// </summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    private readonly HashSet<string> _nestedFields = [];
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    /// <summary>Validates single fields as the user leaves them; null when only the service validates.</summary>
    [Parameter]
    public IValidator? Validator { get; set; }

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidator)} must be placed inside an EditForm.");
        }

        if (!ReferenceEquals(EditContext, _subscribed))
        {
            Unsubscribe();
            _messages = new ValidationMessageStore(EditContext);
            EditContext.OnFieldChanged += OnFieldChanged;
            _subscribed = EditContext;
        }
    }

    /// <summary>Runs the whole validator; true when the input is valid.</summary>
    public async Task<bool> ValidateAsync()
    {
        if (Validator is null || EditContext is null)
        {
            return true;
        }

        var result = await Validator.ValidateAsync(new ValidationContext<object>(EditContext.Model));
        Show(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorCode, e.ErrorMessage)));
        return result.IsValid;
    }

    /// <summary>Validates, then saves; a failed save's errors are shown at their fields. Null when validation failed.</summary>
    public async Task<SaveResult?> ValidateAndSaveAsync(Func<Task<SaveResult>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (!await ValidateAsync())
        {
            return null;
        }

        var result = await save();
        if (!result.Succeeded)
        {
            Show(result.Errors);
        }

        return result;
    }

    /// <summary>Shows the errors of a validation or a failed save, replacing those shown before.</summary>
    public void Show(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (_messages is null || EditContext is null)
        {
            return;
        }

        _messages.Clear();
        _nestedFields.Clear();
        foreach (var error in errors)
        {
            Add(error);
        }

        EditContext.NotifyValidationStateChanged();
    }

    /// <summary>
    /// Clears the messages of items in a list (e.g. "Guardians[1].Name") after the list changed shape, so that no
    /// message is left pointing at the wrong item. They come back, at the right items, at the next validation.
    /// </summary>
    public void ClearListItemMessages()
    {
        if (_messages is null || EditContext is null)
        {
            return;
        }

        foreach (var path in _nestedFields)
        {
            _messages.Clear(new FieldIdentifier(EditContext.Model, path));
        }

        _nestedFields.Clear();
        EditContext.NotifyValidationStateChanged();
    }

    private void Add(FieldError error)
    {
        _messages!.Add(new FieldIdentifier(EditContext!.Model, error.Property), Localise(error));
        if (error.Property.Contains('[', StringComparison.Ordinal))
        {
            _nestedFields.Add(error.Property);
        }
    }

    public string Localise(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = L[error.Code];
        var template = text.ResourceNotFound ? error.Message : text.Value;
        return error.Arguments.Length == 0 ? template : string.Format(System.Globalization.CultureInfo.CurrentCulture, template, error.Arguments);
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e) => _ = ValidateFieldAsync(e.FieldIdentifier);

    private async Task ValidateFieldAsync(FieldIdentifier field)
    {
        if (Validator is null || _messages is null || EditContext is null)
        {
            return;
        }

        try
        {
            // A field of an item in a list (a guardian of a child) is known to the form by its path from the form's model.
            var path = ReferenceEquals(field.Model, EditContext.Model) ? field.FieldName : PathOf(field);
            if (path is null)
            {
                return;
            }

            var topLevel = path.Split('[', '.')[0];
            var context = ValidationContext<object>.CreateWithOptions(EditContext.Model, o => o.IncludeProperties(topLevel));
            var result = await Validator.ValidateAsync(context);
            var identifier = new FieldIdentifier(EditContext.Model, path);
            _messages.Clear(identifier);
            _nestedFields.Remove(path);
            _messages.Clear(new FieldIdentifier(EditContext.Model, string.Empty));
            // A rule on the list as a whole ("rate at least one") may be met or broken by a change to one item.
            string[] paths = path == topLevel ? [path] : [path, topLevel];
            if (path != topLevel)
            {
                _messages.Clear(new FieldIdentifier(EditContext.Model, topLevel));
            }

            foreach (var error in result.Errors.Where(e => paths.Contains(e.PropertyName)))
            {
                Add(new FieldError(error.PropertyName, error.ErrorCode, error.ErrorMessage));
            }

            await InvokeAsync(EditContext.NotifyValidationStateChanged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    /// <summary>"List[i].Field" for a field of an object held in a list property of the form's model, or null.</summary>
    private string? PathOf(FieldIdentifier field)
    {
        foreach (var property in EditContext!.Model.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length == 0 && property.GetValue(EditContext.Model) is System.Collections.IList list)
            {
                var index = list.IndexOf(field.Model);
                if (index >= 0)
                {
                    return $"{property.Name}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{field.FieldName}";
                }
            }
        }

        return null;
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnFieldChanged -= OnFieldChanged;
            _messages?.Clear();
        }
    }

    public void Dispose() => Unsubscribe();
}

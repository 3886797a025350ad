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
        foreach (var error in errors)
        {
            _messages.Add(new FieldIdentifier(EditContext.Model, error.Property), Localise(error));
        }

        EditContext.NotifyValidationStateChanged();
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
            var context = ValidationContext<object>.CreateWithOptions(EditContext.Model, o => o.IncludeProperties(field.FieldName));
            var result = await Validator.ValidateAsync(context);
            _messages.Clear(field);
            _messages.Clear(new FieldIdentifier(EditContext.Model, string.Empty));
            foreach (var error in result.Errors.Where(e => e.PropertyName == field.FieldName))
            {
                _messages.Add(field, Localise(new FieldError(error.PropertyName, error.ErrorCode, error.ErrorMessage)));
            }

            await InvokeAsync(EditContext.NotifyValidationStateChanged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DispatchExceptionAsync(ex);
        }
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

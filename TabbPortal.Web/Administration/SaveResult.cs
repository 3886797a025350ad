using FluentValidation.Results;

namespace TabbPortal.Web.Administration;

/// <summary>One failed rule, keyed by the input's property ("" for the whole form) and by a code that names the localised message.</summary>
public sealed record FieldError(string Property, string Code, string Message, params object[] Arguments);

public sealed record SaveResult(Guid? Id, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static SaveResult Saved(Guid id) => new(id, []);

    public static SaveResult Failed(params FieldError[] errors) => new(null, errors);

    public static SaveResult From(ValidationResult validation) =>
        new(null, validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorCode, e.ErrorMessage)).ToList());
}

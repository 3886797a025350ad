using FluentValidation.Results;

namespace TabbPortal.Tests.Domain;

/// <summary>Assertions on FluentValidation results by property name and error code, with the full result in the failure message.</summary>
internal static class ValidationAssert
{
    /// <summary>The result is invalid and the property has exactly this one error.</summary>
    public static void SingleError(ValidationResult result, string property, string code)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors.Where(e => e.PropertyName == property).ToList();
        Assert.False(result.IsValid, $"Expected {property}/{code} but the input was valid.");
        Assert.True(
            errors.Count == 1 && errors[0].ErrorCode == code,
            $"Expected exactly {property}/{code}; got: {Describe(result)}");
    }

    /// <summary>The property has this error (among possibly others).</summary>
    public static void HasError(ValidationResult result, string property, string code)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(
            result.Errors.Exists(e => e.PropertyName == property && e.ErrorCode == code),
            $"Expected {property}/{code}; got: {Describe(result)}");
    }

    public static void Valid(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.IsValid, $"Expected valid input; got: {Describe(result)}");
    }

    public static void NoErrorFor(ValidationResult result, string property)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.False(
            result.Errors.Exists(e => e.PropertyName == property),
            $"Expected no error for {property}; got: {Describe(result)}");
    }

    private static string Describe(ValidationResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}/{e.ErrorCode}"));
}

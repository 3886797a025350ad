namespace TabbPortal.Domain.Access;

/// <summary>One place for the password rules, used both by the account validator and by the identity system.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static bool IsStrongEnough(string? password) =>
        password is { Length: >= MinimumLength and <= MaximumLength }
        && password.Any(char.IsDigit)
        && password.Any(char.IsUpper)
        && password.Any(char.IsLower);
}

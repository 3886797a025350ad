namespace TabbPortal.Domain.Live;

/// <summary>
/// A soft lock on one field of a plan: a sign to colleagues that someone is editing it, not a guard against saving
/// (the concurrency token is that). It lasts <see cref="Duration"/> unless its holder renews it; after that anyone
/// may take it. Users are told who holds it, never kept out of the field by it.
/// </summary>
public sealed record SoftLock(string HolderId, string HolderName, DateTimeOffset Until)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>Field names are short keys such as <c>action:{id}:evidence</c>, not text typed by a user.</summary>
    public const int FieldMaxLength = 128;

    public bool IsActiveAt(DateTimeOffset now) => now < Until;

    public bool IsHeldBy(string userId) => string.Equals(HolderId, userId, StringComparison.Ordinal);

    /// <summary>
    /// Takes the field for <paramref name="userId"/>, or renews it if they hold it already. Refused while another user
    /// holds an active lock: the attempt then carries that user's lock, so the caller can be told who it is.
    /// </summary>
    public static SoftLockAttempt Claim(SoftLock? current, string userId, string userName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(userName);
        if (current is not null && current.IsActiveAt(now) && !current.IsHeldBy(userId))
        {
            return new SoftLockAttempt(false, current);
        }

        return new SoftLockAttempt(true, new SoftLock(userId, userName, now + Duration));
    }

    /// <summary>True if <paramref name="userId"/> may release <paramref name="current"/>: only its holder may, while it is active.</summary>
    public static bool CanRelease(SoftLock? current, string userId, DateTimeOffset now) =>
        current is not null && current.IsActiveAt(now) && current.IsHeldBy(userId);

    public static bool IsValidField(string? field) =>
        !string.IsNullOrEmpty(field)
        && field.Length <= FieldMaxLength
        && field.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '-' or '_');
}

/// <summary>The outcome of <see cref="SoftLock.Claim"/>: the caller's new lock if granted, otherwise the holder's.</summary>
public sealed record SoftLockAttempt(bool Granted, SoftLock Lock);

namespace TabbPortal.Domain.Common;

/// <summary>A rule of the collaboration model was broken. <see cref="Code"/> is a stable key for a localised message.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

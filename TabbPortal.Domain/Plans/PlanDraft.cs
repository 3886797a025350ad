namespace TabbPortal.Domain.Plans;

/// <summary>
/// What a user has typed in one field of a plan but not yet saved, kept on the server as they type, so that it survives
/// a lost connection or a restarted server and can be offered back. One draft per user, plan and field; it is removed
/// when the field is saved or the draft discarded.
/// </summary>
public sealed class PlanDraft
{
    public const int FieldMaxLength = 200;
    public const int ValueMaxLength = 8000;

    private PlanDraft()
    {
        UserId = string.Empty;
        Field = string.Empty;
        Value = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>Which field: a stable key such as "views.ChildViews" or "action.{id}.DesiredOutcome".</summary>
    public string Field { get; private set; }

    public string Value { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public static PlanDraft Start(Guid planId, string userId, string field, string value, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var draft = new PlanDraft { Id = Guid.NewGuid(), PlanId = planId, UserId = userId, Field = CheckedField(field) };
        draft.Update(value, now);
        return draft;
    }

    /// <summary>Keeps the newest text; text beyond the longest field is cut, since no field could save it anyway.</summary>
    public void Update(string value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value.Length <= ValueMaxLength ? value : value[..ValueMaxLength];
        SavedAt = now;
    }

    private static string CheckedField(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return field.Length <= FieldMaxLength ? field : throw new ArgumentOutOfRangeException(nameof(field), "The field key is too long.");
    }
}

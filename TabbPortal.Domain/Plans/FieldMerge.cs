namespace TabbPortal.Domain.Plans;

/// <summary>Two people changed the same field from the same starting value to different values.</summary>
public sealed record FieldConflict(string Field, string? Mine, string? Theirs);

public sealed record MergeResult(IReadOnlyDictionary<string, string?> Merged, IReadOnlyList<FieldConflict> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>
/// Merges my unsaved changes with what someone else saved since I started, field by field, from the values we both
/// started from. A field only one of us changed takes that change; a field we changed to the same value is no conflict;
/// a field we changed differently is a conflict, for me to decide (my value is kept in the merged result meanwhile).
/// Nothing is overwritten silently.
/// </summary>
public static class FieldMerge
{
    public static MergeResult Merge(IReadOnlyDictionary<string, string?> start, IReadOnlyDictionary<string, string?> mine,
        IReadOnlyDictionary<string, string?> theirs)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        var conflicts = new List<FieldConflict>();
        foreach (var field in start.Keys.Concat(mine.Keys).Concat(theirs.Keys).Distinct(StringComparer.Ordinal))
        {
            var from = Normal(start.GetValueOrDefault(field));
            var my = Normal(mine.GetValueOrDefault(field));
            var their = Normal(theirs.GetValueOrDefault(field));
            if (my == from || my == their)
            {
                merged[field] = their;
            }
            else if (their == from)
            {
                merged[field] = my;
            }
            else
            {
                merged[field] = my;
                conflicts.Add(new FieldConflict(field, my, their));
            }
        }

        return new MergeResult(merged, conflicts);
    }

    /// <summary>Two values of a field are the same text by the merge's rule: blank and missing alike, surrounding white space ignored.</summary>
    public static bool SameText(string? a, string? b) => Normal(a) == Normal(b);

    /// <summary>Blank and missing are the same, and surrounding white space is not a change.</summary>
    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Organisations;

namespace TabbPortal.Web.Audit;

/// <summary>
/// Reads the access log straight from the SQLite file in sequence order, one row at a time, and checks the hash chain.
/// Works without the portal's services, so it can be pointed at any copy of the database (a backup, a restored file).
/// </summary>
public static class AccessLogVerifier
{
    private const string Query = """
        SELECT "Id", "At", "UserId", "UserName", "Role", "UnitId", "Agency", "ChildId", "Kind", "Part", "Allowed", "Basis",
               "BasisReference", "SessionId", "PreviousHash", "Hash"
        FROM "AccessLog" ORDER BY "Id"
        """;

    public static async Task<AccessLogChainResult> VerifyAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var check = new AccessLogChainCheck();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = TryRead(reader);
            var broken = entry is null ? check.Unreadable(reader.GetInt64(0)) : check.Next(entry);
            if (broken is not null)
            {
                return broken;
            }
        }

        return check.Result;
    }

    public static async Task<AccessLogChainResult> VerifyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await VerifyAsync(connection, cancellationToken);
    }

    /// <summary>The verifier's answer in Swedish, naming the first broken entry and why.</summary>
    public static string Describe(AccessLogChainResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureInfo.InvariantCulture;
        if (result.BrokenAt is not { } at)
        {
            return string.Create(culture, $"Åtkomstloggen är hel: {result.Count} {(result.Count == 1 ? "post" : "poster")}.");
        }

        var firstMissing = result.LastIntact + 1;
        var why = result.Reason switch
        {
            AccessLogBreak.ContentChanged => "postens innehåll har ändrats (hashen stämmer inte med innehållet)",
            AccessLogBreak.PredecessorMissing when firstMissing == at - 1 =>
                string.Create(culture, $"post {firstMissing} före den saknas (raderad)"),
            AccessLogBreak.PredecessorMissing =>
                string.Create(culture, $"posterna {firstMissing}–{at - 1} före den saknas (raderade)"),
            AccessLogBreak.PredecessorChanged when result.LastIntact == 0 =>
                "den första posten kedjar inte till startvärdet (posten före den har ändrats eller bytts ut)",
            AccessLogBreak.PredecessorChanged =>
                string.Create(culture, $"den kedjar inte till post {result.LastIntact} (en post har ändrats och fått ny hash, bytts ut eller flyttats)"),
            _ => "posten går inte att läsa (ett värde har ändrats till något ogiltigt)",
        };
        return string.Create(culture, $"Åtkomstloggen är bruten vid post {at}: {why}. {result.Count} {(result.Count == 1 ? "post" : "poster")} före den är hela.");
    }

    private static AccessLogEntry? TryRead(SqliteDataReader r)
    {
        if (Enumerable.Range(0, r.FieldCount).Any(i => r.IsDBNull(i) && i is not (5 or 6 or 12 or 13)))
        {
            return null;
        }

        if (r.GetFieldType(1) != typeof(long) || r.GetFieldType(10) != typeof(long)
            || (r.GetInt64(10) is not (0 or 1))
            || !Guid.TryParse(r.GetString(7), out var childId)
            || !TryEnum<AccessKind>(r.GetString(8), out var kind)
            || !TryEnum<RecordPart>(r.GetString(9), out var part)
            || !TryEnum<AccessBasis>(r.GetString(11), out var basis))
        {
            return null;
        }

        Guid? unitId = null;
        if (!r.IsDBNull(5))
        {
            if (!Guid.TryParse(r.GetString(5), out var unit))
            {
                return null;
            }

            unitId = unit;
        }

        Sector? agency = null;
        if (!r.IsDBNull(6))
        {
            if (!TryEnum<Sector>(r.GetString(6), out var sector))
            {
                return null;
            }

            agency = sector;
        }

        var ticks = r.GetInt64(1);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return AccessLogEntry.Restore(
            r.GetInt64(0), new DateTimeOffset(ticks, TimeSpan.Zero), r.GetString(2), r.GetString(3), r.GetString(4), unitId, agency, childId,
            kind, part, r.GetInt64(10) == 1, basis, r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13),
            r.GetString(14), r.GetString(15));
    }

    // Only the exact stored name counts: "2" or "write" would parse, but they are not what was hashed.
    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value) && value.ToString() == text;
}

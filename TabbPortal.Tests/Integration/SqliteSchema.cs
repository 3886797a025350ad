using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// The schema of a SQLite file as sorted lines, one per fact (table, column, index, foreign key), so two schemas can be
/// compared as sets and their difference shown line by line. EF's own bookkeeping table is left out.
/// </summary>
internal static partial class SqliteSchema
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var facts = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));

        foreach (var (table, sql) in tables)
        {
            facts.Add($"table {table}");
            var definitions = ColumnDefinitions(sql);
            var columns = await QueryAsync(connection,
                "SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info($table)",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Pk: r.GetInt64(3), Default: r.IsDBNull(4) ? null : r.GetString(4)),
                ("$table", table));
            foreach (var column in columns)
            {
                var definition = definitions.GetValueOrDefault(column.Name, string.Empty);
                var collation = CollatePattern().Match(definition) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : "BINARY";
                var autoincrement = definition.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : string.Empty;
                facts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"column {table}.{column.Name} {column.Type} {(column.NotNull ? "NOT NULL" : "NULL")} pk={column.Pk} collate={collation} default={column.Default ?? "none"}{autoincrement}"));
            }

            var indexes = await QueryAsync(connection,
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list($table)",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2), Partial: r.GetInt64(3) == 1),
                ("$table", table));
            foreach (var index in indexes)
            {
                var indexColumns = await QueryAsync(connection,
                    "SELECT name, coll, \"desc\" FROM pragma_index_xinfo($index) WHERE key = 1 ORDER BY seqno",
                    r => $"{(r.IsDBNull(0) ? "<expression>" : r.GetString(0))} {r.GetString(1)}{(r.GetInt64(2) == 1 ? " DESC" : string.Empty)}",
                    ("$index", index.Name));
                facts.Add($"index {table}.{index.Name} ({string.Join(", ", indexColumns)}) {(index.Unique ? "UNIQUE" : "non-unique")} origin={index.Origin}{(index.Partial ? " partial" : string.Empty)}");
            }

            var foreignKeys = await QueryAsync(connection,
                "SELECT id, \"from\", \"table\", \"to\", on_update, on_delete FROM pragma_foreign_key_list($table) ORDER BY id, seq",
                r => (Id: r.GetInt64(0), From: r.GetString(1), Table: r.GetString(2), To: r.IsDBNull(3) ? "<primary key>" : r.GetString(3), OnUpdate: r.GetString(4), OnDelete: r.GetString(5)),
                ("$table", table));
            foreach (var key in foreignKeys.GroupBy(k => k.Id))
            {
                var first = key.First();
                facts.Add($"foreign key {table}({string.Join(", ", key.Select(k => k.From))}) -> {first.Table}({string.Join(", ", key.Select(k => k.To))}) on update {first.OnUpdate} on delete {first.OnDelete}");
            }
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    /// <summary>Lines only in one schema or only in the other; empty when they agree.</summary>
    public static string Difference(IReadOnlyList<string> expected, string expectedName, IReadOnlyList<string> actual, string actualName)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Only in {expectedName} ({missing.Count}):");
        missing.ForEach(line => text.AppendLine(CultureInfo.InvariantCulture, $"  - {line}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Only in {actualName} ({extra.Count}):");
        extra.ForEach(line => text.AppendLine(CultureInfo.InvariantCulture, $"  + {line}"));
        return text.ToString();
    }

    /// <summary>Column name to its definition text, from the CREATE TABLE statement (constraints are skipped).</summary>
    private static Dictionary<string, string> ColumnDefinitions(string createTable)
    {
        var body = createTable[(createTable.IndexOf('(', StringComparison.Ordinal) + 1)..createTable.LastIndexOf(')')];
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(body[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(body[start..]);
        string[] constraintKeywords = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];
        return parts
            .Select(p => p.Trim())
            .Where(p => !constraintKeywords.Any(k => p.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase) || p.StartsWith(k + "(", StringComparison.OrdinalIgnoreCase)))
            .Select(p => ColumnPattern().Match(p))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["rest"].Value, StringComparer.Ordinal);
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex("""^(?:"(?<name>[^"]+)"|`(?<name>[^`]+)`|\[(?<name>[^\]]+)\]|(?<name>\w+))(?<rest>\s.*)?$""", RegexOptions.Singleline)]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"\bCOLLATE\s+""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex CollatePattern();
}

using System.Data.Common;
using System.Globalization;
using System.Buffers;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using SQLitePCL;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports a CSV file in any of the export formats: reads every row, reports every error at once, and
/// writes all rows in one transaction or none. The start-up seed goes through the same code.
/// Rows are matched to stored ones by natural key (slug or key; actor + issue + as_of for positions):
/// a new key is added, a known key with different values is updated, anything else is left unchanged.
/// Nothing is ever deleted by an import.
/// </summary>
public sealed class CsvImporter(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    private const int ProgressEvery = 1000;
    private const int LookupBatch = 500;

    /// <summary>Reads and checks the file against the database and says what an import would do. Writes nothing.</summary>
    public Task<ImportReport> PreviewAsync(Stream content, string fileName,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(content, fileName, write: false, progress, cancellationToken);

    /// <summary>Imports the file in one transaction; with any error nothing is written.</summary>
    public Task<ImportReport> ImportAsync(Stream content, string fileName,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(content, fileName, write: true, progress, cancellationToken);

    private async Task<ImportReport> RunAsync(Stream content, string fileName, bool write,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var parsed = Read(content, progress, cancellationToken);
        if (parsed.Rules is null)
        {
            return ImportReport.Failed(fileName, null, parsed.RowCount, parsed.Errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE for a write: the plan is made under the write lock, so nothing changes between check and write.
        await using var transaction = connection.BeginTransaction(deferred: !write);
        var report = await PlanAndWriteAsync(connection, transaction, parsed, fileName, write, progress, cancellationToken);
        if (report.Written)
        {
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(ImportStage.Done, report.Rows, report.Rows));
        }
        return report;
    }

    /// <summary>
    /// Imports several files inside a transaction the caller owns (the start-up seed). Stops at the first
    /// file with errors and returns the reports so far; the caller rolls back.
    /// </summary>
    internal static async Task<IReadOnlyList<ImportReport>> ImportFilesAsync(SqliteConnection connection,
        SqliteTransaction transaction, IEnumerable<(string FileName, Stream Content)> files, CancellationToken cancellationToken)
    {
        var reports = new List<ImportReport>();
        foreach (var (fileName, content) in files)
        {
            var parsed = Read(content, null, cancellationToken);
            var report = parsed.Rules is null
                ? ImportReport.Failed(fileName, null, parsed.RowCount, parsed.Errors)
                : await PlanAndWriteAsync(connection, transaction, parsed, fileName, write: true, null, cancellationToken);
            reports.Add(report);
            if (report.HasErrors)
            {
                break;
            }
        }
        return reports;
    }

    private sealed record ParsedFile(CsvTableRules? Rules, List<ParsedRow> Rows, List<ImportError> Errors, int RowCount);

    private static ParsedFile Read(Stream content, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = new List<ParsedRow>();
        var stream = content.CanSeek ? content : Buffer(content);
        if (CheckEncoding(stream) is { } encodingProblem)
        {
            errors.Add(ImportError.ForFile(encodingProblem));
            return new(null, rows, errors, 0);
        }

        var total = stream.Length;
        using var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = bad => errors.Add(new ImportError((int)bad.RecordNumber, "", "", MalformedMessage(bad.Reason))),
        }, leaveOpen: true);

        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Length == 0 || header is [""])
        {
            errors.Add(ImportError.ForFile("The file is empty: it needs a header row and at least one data row."));
            return new(null, rows, errors, 0);
        }
        var rules = RecogniseHeader(header, errors);
        if (rules is null)
        {
            return new(null, rows, errors, 0);
        }

        var columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var fields = new CsvFieldReader(columns, errors);
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowNumber = 1;
        while (reader.Read())
        {
            rowNumber++;
            cancellationToken.ThrowIfCancellationRequested();
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }
            fields.MoveTo(rowNumber, record);
            if (record.Length != header.Length)
            {
                fields.Fail("", "", $"has {record.Length} cells, but the header has {header.Length}");
                continue;
            }
            var row = rules.Parse(fields);
            if (firstRowOfKey.TryGetValue(row.NaturalKey, out var first))
            {
                fields.Fail(rules.KeyDescription, row.NaturalKey, $"is a duplicate: the same {rules.KeyDescription} is on row {first}");
            }
            else if (row.NaturalKey.Length > 0)
            {
                firstRowOfKey[row.NaturalKey] = rowNumber;
            }
            if (fields.RowIsValid)
            {
                rows.Add(row);
            }
            if (rowNumber % ProgressEvery == 0)
            {
                // Bytes read is the honest measure of how far through the file we are.
                progress?.Report(new ImportProgress(ImportStage.Reading, Percent(reader.ByteOffset, total), 100));
            }
        }
        if (rowNumber == 1)
        {
            errors.Add(ImportError.ForFile("The file has a header but no data rows."));
        }
        return new(rules, rows, errors, rowNumber - 1);
    }

    private static int Percent(long done, long total) => total <= 0 ? 100 : (int)(done * 100 / total);

    private static string MalformedMessage(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote =>
            "has a stray double quote: a cell with quotes, commas or line breaks must be wrapped in double quotes, with inner quotes doubled",
        CsvMalformedReason.UnterminatedQuote => "opens a double quote that is never closed",
        _ => $"is malformed ({reason})",
    };

    private static MemoryStream Buffer(Stream content)
    {
        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Only UTF-8 is accepted (with or without a byte-order mark, which is skipped). Returns a message
    /// naming the problem and the line, or null with the stream positioned at the first character.
    /// </summary>
    private static string? CheckEncoding(Stream stream)
    {
        const string advice = "Save it as \"CSV UTF-8\" and try again.";
        var start = stream.Position;
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var carried = 0;
        var line = 1;
        var first = true;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
            var chunk = buffer.AsSpan(0, carried + read);
            if (first)
            {
                first = false;
                if (chunk.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || chunk.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                {
                    return $"The file is UTF-16 text; only UTF-8 (with or without a byte-order mark) is accepted. {advice}";
                }
            }
            var final = read == 0;
            var status = Utf8.ToUtf16(chunk, chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += chunk[..bytesRead].Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                return $"The file is not UTF-8 text (the first bad bytes are on line {line}); only UTF-8 is accepted. {advice}";
            }
            if (final)
            {
                break;
            }
            carried = chunk.Length - bytesRead;
            chunk[bytesRead..].CopyTo(buffer);
        }

        stream.Position = start;
        Span<byte> bom = stackalloc byte[3];
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (!bom[..n].SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            stream.Position = start;
        }
        return null;
    }

    private static CsvTableRules? RecogniseHeader(string[] header, List<ImportError> errors)
    {
        foreach (var twice in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, twice.Key, "", "appears more than once in the header"));
        }
        if (errors.Count > 0)
        {
            return null;
        }

        var names = header.ToHashSet();
        var fits = CsvTableRules.All.Select(rules => (
            rules,
            missing: rules.Format.Columns.Where(c => c.Required && !names.Contains(c.Name)).Select(c => c.Name).ToList(),
            unknown: header.Where(h => rules.Format.Columns.All(c => c.Name != h)).ToList())).ToList();

        var match = fits.FirstOrDefault(f => f.missing.Count == 0 && f.unknown.Count == 0);
        if (match.rules is not null)
        {
            return match.rules;
        }

        // Name the closest format and what keeps the header from matching it.
        var closest = fits.OrderBy(f => f.missing.Count + f.unknown.Count).First();
        var problems = new List<string>();
        if (closest.missing.Count > 0)
        {
            problems.Add($"missing {string.Join(", ", closest.missing)}");
        }
        if (closest.unknown.Count > 0)
        {
            problems.Add($"unknown {string.Join(", ", closest.unknown)}");
        }
        errors.Add(ImportError.ForFile(
            $"The header is not one PeaceTalks knows. Closest is the {closest.rules.Format.Name} format ({string.Join("; ", problems)}). " +
            $"Expected columns: {string.Join(",", closest.rules.Format.Header)}."));
        return null;
    }

    private sealed record StoredRow(long Id, string?[] Values, List<string> Links);

    private static async Task<ImportReport> PlanAndWriteAsync(SqliteConnection connection, SqliteTransaction transaction,
        ParsedFile parsed, string fileName, bool write, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var rules = parsed.Rules!;
        var table = rules.Db;
        // References are checked even when some rows already failed, so every error shows at once.
        var errors = new List<ImportError>(parsed.Errors);
        progress?.Report(new ImportProgress(ImportStage.Checking, 0, parsed.Rows.Count));

        var ids = await ResolveReferencesAsync(connection, transaction, parsed.Rows, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ImportReport.Failed(fileName, rules.Format, parsed.RowCount, [.. errors.OrderBy(e => e.Row)]);
        }

        var planned = parsed.Rows.Select(row => (
            row.Row,
            Values: row.Values.Select(v => Resolve(v, ids)).ToArray(),
            Links: row.Links.Select(link => link.Select(v => Resolve(v, ids)).ToArray()).ToList())).ToList();

        var stored = await LoadStoredAsync(connection, transaction, table,
            planned.Select(p => table.KeyOf(p.Values)).ToHashSet(StringComparer.Ordinal), cancellationToken);

        var changes = new List<(RowChange Change, long Id, string?[] Values, List<string?[]> Links)>(planned.Count);
        foreach (var (_, values, links) in planned)
        {
            if (!stored.TryGetValue(table.KeyOf(values), out var existing))
            {
                changes.Add((RowChange.Add, 0, values, links));
            }
            else if (!existing.Values.SequenceEqual(values) || !existing.Links.SequenceEqual(LinkKeys(links)))
            {
                changes.Add((RowChange.Update, existing.Id, values, links));
            }
            else
            {
                changes.Add((RowChange.Unchanged, existing.Id, values, links));
            }
        }

        var added = changes.Count(c => c.Change == RowChange.Add);
        var updated = changes.Count(c => c.Change == RowChange.Update);
        var report = new ImportReport(fileName, rules.Format, parsed.RowCount, added, updated,
            changes.Count - added - updated, [], Written: write);
        if (!write)
        {
            return report;
        }

        using var writer = new TableWriter(connection, transaction, table);
        using var cache = await LargePageCache.EnterAsync(connection, transaction, cancellationToken);
        var done = 0;
        var toWrite = added + updated;
        foreach (var (change, id, values, links) in changes)
        {
            if (change == RowChange.Unchanged)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (change == RowChange.Add)
            {
                writer.Insert(values, links);
            }
            else
            {
                writer.Update(id, values, links);
            }
            if (++done % ProgressEvery == 0 || done == toWrite)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, done, toWrite));
            }
        }
        return report;
    }

    private static string? Resolve(object? value, Dictionary<RefTable, Dictionary<string, long>> ids) => value switch
    {
        null => null,
        string s => s,
        Ref r => ids[r.Table][r.Key].ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected cell value {value.GetType()}"),
    };

    private static readonly Dictionary<RefTable, (string Table, string KeyColumn, string Noun)> RefTargets = new()
    {
        [RefTable.Actors] = ("Actors", "Slug", "actor slug"),
        [RefTable.Issues] = ("Issues", "Slug", "issue slug"),
        [RefTable.Sources] = ("Sources", "Key", "source key"),
        [RefTable.Meetings] = ("Meetings", "Slug", "meeting slug"),
        [RefTable.Statements] = ("Statements", "Key", "statement key"),
    };

    /// <summary>Looks every referenced key up in batches; an unknown key is an error on each row that uses it.</summary>
    private static async Task<Dictionary<RefTable, Dictionary<string, long>>> ResolveReferencesAsync(SqliteConnection connection,
        SqliteTransaction transaction, List<ParsedRow> rows, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<RefTable, HashSet<string>>();
        foreach (var r in rows.SelectMany(References))
        {
            if (!wanted.TryGetValue(r.Table, out var keys))
            {
                wanted[r.Table] = keys = new HashSet<string>(StringComparer.Ordinal);
            }
            keys.Add(r.Key);
        }

        var ids = new Dictionary<RefTable, Dictionary<string, long>>();
        foreach (var (table, keys) in wanted)
        {
            var (tableName, keyColumn, _) = RefTargets[table];
            var found = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var batch in keys.Chunk(LookupBatch))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var names = batch.Select((key, i) => { command.Parameters.AddWithValue($"@k{i}", key); return $"@k{i}"; });
                command.CommandText = $"SELECT \"{keyColumn}\", \"Id\" FROM \"{tableName}\" WHERE \"{keyColumn}\" IN ({string.Join(",", names)})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
            ids[table] = found;
        }

        // Only when something is missing: name it on every row that uses it.
        if (ids.Any(t => t.Value.Count < wanted[t.Key].Count))
        {
            foreach (var row in rows)
            {
                foreach (var r in References(row).Where(r => !ids[r.Table].ContainsKey(r.Key)))
                {
                    errors.Add(new ImportError(row.Row, r.Column, r.Key, $"is not a known {RefTargets[r.Table].Noun}"));
                }
            }
        }
        return ids;
    }

    private static IEnumerable<Ref> References(ParsedRow row)
    {
        foreach (var value in row.Values)
        {
            if (value is Ref r)
            {
                yield return r;
            }
        }
        foreach (var link in row.Links)
        {
            foreach (var value in link)
            {
                if (value is Ref r)
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>The stored rows whose natural key is among <paramref name="keys"/>, with their link rows.</summary>
    private static async Task<Dictionary<string, StoredRow>> LoadStoredAsync(SqliteConnection connection, SqliteTransaction transaction,
        DbTable table, HashSet<string> keys, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT \"Id\", {table.KeySql}, {string.Join(", ", table.Columns.Select(c => $"\"{c}\""))} FROM \"{table.Name}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.GetString(1);
                if (keys.Contains(key))
                {
                    stored[key] = new StoredRow(reader.GetInt64(0), ReadStrings(reader, 2, table.Columns.Length), []);
                }
            }
        }
        if (table.Links is { } links && stored.Count > 0)
        {
            var byId = stored.Values.ToDictionary(s => s.Id);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT \"{links.OwnerColumn}\", {string.Join(", ", links.Columns.Select(c => $"\"{c}\""))} FROM \"{links.Name}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (byId.TryGetValue(reader.GetInt64(0), out var owner))
                {
                    owner.Links.Add(LinkKey(ReadStrings(reader, 1, links.Columns.Length)));
                }
            }
            foreach (var row in stored.Values)
            {
                row.Links.Sort(StringComparer.Ordinal);
            }
        }
        return stored;
    }

    private static string?[] ReadStrings(DbDataReader reader, int first, int count)
    {
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.IsDBNull(first + i) ? null : Convert.ToString(reader.GetValue(first + i), CultureInfo.InvariantCulture);
        }
        return values;
    }

    private static string LinkKey(string?[] link) => string.Join('\u001f', link);

    private static IEnumerable<string> LinkKeys(List<string?[]> links) => links.Select(LinkKey).Order(StringComparer.Ordinal);

    /// <summary>
    /// A big page cache while writing: inserts land all over the date and actor indexes, and with SQLite's default
    /// 2 MB cache every insert evicts pages and later reads them back. The default is restored afterwards, since
    /// the connection goes back to the pool.
    /// </summary>
    private sealed class LargePageCache(SqliteConnection connection, SqliteTransaction transaction, long previous) : IDisposable
    {
        private const int CacheKibibytes = 256 * 1024;

        public static async Task<LargePageCache> EnterAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA cache_size";
            var previous = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            command.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new LargePageCache(connection, transaction, previous);
        }

        public void Dispose()
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"PRAGMA cache_size = {previous}";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Writes rows of one table and its link table with prepared statements driven through SQLite's own API:
    /// values are bound by position and each row is one step. (Going through SqliteCommand costs more per row than
    /// SQLite spends inserting it, because it looks every parameter up by name on every execution.) New rows get
    /// their ids up front; this runs under the write lock, so nobody else can take them.
    /// </summary>
    private sealed class TableWriter : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _insert;
        private readonly sqlite3_stmt _update;
        private readonly sqlite3_stmt? _insertLink;
        private readonly sqlite3_stmt? _deleteLinks;
        private long _nextId;

        public TableWriter(SqliteConnection connection, SqliteTransaction transaction, DbTable table)
        {
            _db = connection.Handle!;
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
            _insert = Prepare($"INSERT INTO \"{table.Name}\" (\"Id\", {columns}) VALUES ({Placeholders(table.Columns.Length + 1)})");
            _update = Prepare($"UPDATE \"{table.Name}\" SET {string.Join(", ", table.Columns.Select((c, i) => $"\"{c}\" = ?{i + 1}"))} " +
                $"WHERE \"Id\" = ?{table.Columns.Length + 1}");
            if (table.Links is { } links)
            {
                _insertLink = Prepare($"INSERT INTO \"{links.Name}\" (\"{links.OwnerColumn}\", {string.Join(", ", links.Columns.Select(c => $"\"{c}\""))}) " +
                    $"VALUES ({Placeholders(links.Columns.Length + 1)})");
                _deleteLinks = Prepare($"DELETE FROM \"{links.Name}\" WHERE \"{links.OwnerColumn}\" = ?1");
            }

            // Ids continue after the highest ever used (AUTOINCREMENT keeps that in sqlite_sequence).
            using var next = connection.CreateCommand();
            next.Transaction = transaction;
            next.CommandText = $"SELECT MAX(COALESCE((SELECT MAX(\"Id\") FROM \"{table.Name}\"), 0), " +
                $"COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0)) + 1";
            _nextId = (long)next.ExecuteScalar()!;
        }

        private static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => $"?{i}"));

        public void Insert(string?[] values, List<string?[]> links)
        {
            var id = _nextId++;
            Check(raw.sqlite3_bind_int64(_insert, 1, id));
            Bind(_insert, 2, values);
            Step(_insert);
            InsertLinks(id, links);
        }

        public void Update(long id, string?[] values, List<string?[]> links)
        {
            Bind(_update, 1, values);
            Check(raw.sqlite3_bind_int64(_update, values.Length + 1, id));
            Step(_update);
            if (_deleteLinks is not null)
            {
                Check(raw.sqlite3_bind_int64(_deleteLinks, 1, id));
                Step(_deleteLinks);
            }
            InsertLinks(id, links);
        }

        private void InsertLinks(long owner, List<string?[]> links)
        {
            foreach (var link in links)
            {
                Check(raw.sqlite3_bind_int64(_insertLink!, 1, owner));
                Bind(_insertLink!, 2, link);
                Step(_insertLink!);
            }
        }

        private void Bind(sqlite3_stmt statement, int first, string?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(values[i] is { } value ? raw.sqlite3_bind_text(statement, first + i, value) : raw.sqlite3_bind_null(statement, first + i));
            }
        }

        private void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            return statement;
        }

        public void Dispose()
        {
            _insert.Dispose();
            _update.Dispose();
            _insertLink?.Dispose();
            _deleteLinks?.Dispose();
        }
    }
}

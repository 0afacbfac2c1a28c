using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports a CSV file in any of the export formats: reads every row, reports every error at once, and
/// writes all rows in one transaction or none, as one audited batch. The start-up seed goes through the same code.
/// Rows are matched to stored ones by natural key (slug or key; actor + issue + as_of for positions):
/// a new key is added, a known key with different values is updated, anything else is left unchanged.
/// Nothing is ever deleted by an import.
/// </summary>
public sealed class CsvImporter(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    private const int ProgressEvery = 1000;

    /// <summary>Reads and checks the file against the database and says what an import would do. Writes nothing.</summary>
    public async Task<ImportReport> PreviewAsync(Stream content, string fileName,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var parsed = Read(content, progress, cancellationToken);
        if (parsed.Rules is null)
        {
            return ImportReport.Failed(fileName, null, parsed.RowCount, parsed.Errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginReadAsync(connection, cancellationToken);
        return await PlanAndWriteAsync(connection, transaction, parsed, fileName, null, null, progress, cancellationToken);
    }

    /// <summary>
    /// Imports the file in one transaction, as one audited batch by <paramref name="editor"/>; with any error nothing
    /// is written. When another write holds the database, throws <see cref="DatabaseBusyException"/>.
    /// </summary>
    public Task<ImportReport> ImportAsync(Stream content, string fileName, Editor editor,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(content, fileName, editor, audit: true, progress, cancellationToken);

    /// <summary>
    /// <paramref name="audit"/> false leaves out the batch record and the row entries: only the benchmark does that,
    /// to measure what the history costs an import.
    /// </summary>
    internal async Task<ImportReport> ImportAsync(Stream content, string fileName, Editor editor, bool audit,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var hash = Sha256(content);
        var parsed = Read(content, progress, cancellationToken);
        if (parsed.Rules is null)
        {
            return ImportReport.Failed(fileName, null, parsed.RowCount, parsed.Errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var report = await PlanAndWriteAsync(connection, transaction, parsed, fileName, editor, hash, progress, cancellationToken, audit);
            if (report.Written)
            {
                await transaction.CommitAsync(cancellationToken);
                progress?.Report(new ImportProgress(ImportStage.Done, report.Rows, report.Rows));
            }
            return report;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw Database.Busy(ex);
        }
    }

    /// <summary>
    /// Imports several files inside a transaction the caller owns (the start-up seed). Stops at the first
    /// file with errors and returns the reports so far; the caller rolls back.
    /// </summary>
    internal static async Task<IReadOnlyList<ImportReport>> ImportFilesAsync(DbConnection connection,
        DbTransaction transaction, IEnumerable<(string FileName, Stream Content)> files, Editor editor, CancellationToken cancellationToken)
    {
        var reports = new List<ImportReport>();
        foreach (var (fileName, content) in files)
        {
            var hash = Sha256(content);
            var parsed = Read(content, null, cancellationToken);
            var report = parsed.Rules is null
                ? ImportReport.Failed(fileName, null, parsed.RowCount, parsed.Errors)
                : await PlanAndWriteAsync(connection, transaction, parsed, fileName, editor, hash, null, cancellationToken);
            reports.Add(report);
            if (report.HasErrors)
            {
                break;
            }
        }
        return reports;
    }

    /// <summary>The file's SHA-256 in lower-case hex; the stream is left where it was.</summary>
    private static string Sha256(Stream content)
    {
        var start = content.Position;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        content.Position = start;
        return hash;
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
            // "retracted" is written by exports that include retracted items; an import never retracts or restores.
            unknown: header.Where(h => h != CsvExporter.RetractedColumn && rules.Format.Columns.All(c => c.Name != h)).ToList())).ToList();

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

    private static async Task<ImportReport> PlanAndWriteAsync(DbConnection connection, DbTransaction transaction,
        ParsedFile parsed, string fileName, Editor? editor, string? sha256, IProgress<ImportProgress>? progress, CancellationToken cancellationToken,
        bool audit = true)
    {
        var rules = parsed.Rules!;
        // References are checked even when some rows already failed, so every error shows at once.
        var errors = new List<ImportError>(parsed.Errors);
        progress?.Report(new ImportProgress(ImportStage.Checking, 0, parsed.Rows.Count));
        var plan = await RecordWriter.PlanAsync(connection, transaction, rules, parsed.Rows, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ImportReport.Failed(fileName, rules.Format, parsed.RowCount, [.. errors.OrderBy(e => e.Row)]);
        }

        var report = new ImportReport(fileName, rules.Format, parsed.RowCount, plan.Added, plan.Updated, plan.Unchanged, [],
            Written: editor is not null);
        if (editor is null)
        {
            return report;
        }
        if (!audit)
        {
            RecordWriter.Write(connection, transaction, plan, editor, null, null, progress, cancellationToken, audit: false);
            return report;
        }
        var batch = await Database.AddBatchAsync(connection, transaction, new ImportBatch
        {
            At = DateTime.UtcNow,
            UserId = editor.UserId,
            UserName = editor.Name,
            FileName = fileName.Length > 260 ? fileName[..260] : fileName,
            Sha256 = sha256!,
            Format = rules.Format.Name,
            Rows = parsed.RowCount,
            Added = plan.Added,
            Updated = plan.Updated,
            Unchanged = plan.Unchanged,
        }, cancellationToken);
        RecordWriter.Write(connection, transaction, plan, editor, batch, null, progress, cancellationToken);
        return report;
    }
}

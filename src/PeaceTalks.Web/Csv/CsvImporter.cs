using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using System.Threading.Channels;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports a CSV file in any of the export formats: reads every row, reports every problem at once, and
/// writes all rows in one transaction or none, as one audited batch. The start-up seed goes through the same code.
/// Rows are matched to stored ones by natural key (slug or key; actor + issue + as_of for positions):
/// a new key is added, a known key with different values is updated, anything else is left unchanged.
/// Nothing is ever deleted by an import.
/// </summary>
/// <remarks>
/// The file is read and checked on one thread while another looks its rows up and writes them, a batch at a time,
/// inside the one transaction: an import costs about the longer of the two, not their sum. A problem anywhere stops
/// the writing, and the transaction is rolled back.
/// </remarks>
public sealed class CsvImporter(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    private const int ProgressEvery = 1000;
    private const int BatchRows = 2000;

    /// <summary>Reads and checks the file against the database and says what an import would do. Writes nothing.</summary>
    public async Task<ImportReport> PreviewAsync(Stream content, string fileName,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Dialect.BeginReadAsync(db.Database.GetDbConnection(), cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return await RunAsync(db, content, fileName, null, audit: false, progress, cancellationToken);
    }

    /// <summary>
    /// Imports the file in one transaction, as one audited batch by <paramref name="editor"/>; with any problem nothing
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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Dialect.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            var report = await RunAsync(db, content, fileName, editor, audit, progress, cancellationToken);
            if (report.Written)
            {
                await transaction.CommitAsync(cancellationToken);
                progress?.Report(new ImportProgress(ImportStage.Done, report.Rows, report.Rows));
            }
            return report;
        }
        catch (Exception ex) when (SqlDialect.IsBusy(ex))
        {
            throw SqlDialect.Busy(ex);
        }
    }

    /// <summary>
    /// Imports several files inside the caller's write transaction (the start-up seed). Stops at the first
    /// file with problems and returns the reports so far; the caller rolls back.
    /// </summary>
    internal static async Task<IReadOnlyList<ImportReport>> ImportFilesAsync(PeaceTalksDbContext db,
        IEnumerable<(string FileName, Stream Content)> files, Editor editor, CancellationToken cancellationToken)
    {
        var reports = new List<ImportReport>();
        foreach (var (fileName, content) in files)
        {
            var report = await RunAsync(db, content, fileName, editor, audit: true, null, cancellationToken);
            reports.Add(report);
            if (report.HasErrors)
            {
                break;
            }
        }
        return reports;
    }

    /// <summary>Reads, checks and (with an editor) writes one file in the context's transaction.</summary>
    private static async Task<ImportReport> RunAsync(PeaceTalksDbContext db, Stream content, string fileName,
        Editor? editor, bool audit, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var stream = content.CanSeek ? content : Buffer(content);
        var hash = editor is not null && audit ? Sha256(stream) : null;
        var readProblems = new FieldProblems();
        using var source = RowSource.Open(stream, readProblems);
        if (source is null)
        {
            return ImportReport.Failed(fileName, null, 0, readProblems);
        }
        var type = source.Type;
        var planProblems = new FieldProblems();
        ImportBatch? batch = null;
        if (editor is not null && audit)
        {
            batch = new ImportBatch
            {
                At = DateTime.UtcNow,
                UserId = editor.UserId,
                UserName = editor.Name,
                FileName = fileName.Length > 260 ? fileName[..260] : fileName,
                Sha256 = hash!,
                Format = type.Name,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
        }

        using var writer = new RecordWriter(db, type, bulk: true);
        var quotes = new QuoteCheck(type);
        // Reading and checking on a second thread, a few batches ahead of the lookups and writes here.
        var batches = System.Threading.Channels.Channel.CreateBounded<List<RecordRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => source.ReadAsync(batches.Writer, BatchRows, progress, stopReading.Token), stopReading.Token);
        try
        {
            await foreach (var rows in batches.Reader.ReadAllAsync(cancellationToken))
            {
                progress?.Report(new ImportProgress(ImportStage.Checking, writer.Added + writer.Updated + writer.Unchanged, source.RowCount));
                var planned = await writer.PlanAsync(rows, planProblems, cancellationToken);
                await quotes.CheckAsync(db, rows, cancellationToken);
                // Once anything is wrong nothing will be kept, so nothing more is written; the checking goes on,
                // so the report names every problem.
                if (editor is not null && readProblems.Total == 0 && planProblems.Total == 0)
                {
                    await writer.WriteAsync(planned, editor, batch?.Id, null, cancellationToken, audit);
                    progress?.Report(new ImportProgress(ImportStage.Writing, writer.Written, source.RowCount));
                }
            }
        }
        catch
        {
            // The reader may be waiting for room in the channel that no one empties any more: stop it before the
            // failure goes up, or the import would hang.
            await stopReading.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        // The reader stops at the end of the file; its failure, if any, surfaces here.
        await reading;

        if (readProblems.Total > 0 || planProblems.Total > 0)
        {
            return ImportReport.Failed(fileName, type, source.RowCount, readProblems, planProblems);
        }
        if (editor is not null)
        {
            writer.Complete();
            if (batch is not null)
            {
                db.ImportBatches.Attach(batch);
                (batch.Rows, batch.Added, batch.Updated, batch.Unchanged) = (source.RowCount, writer.Added, writer.Updated, writer.Unchanged);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        return new ImportReport(fileName, type, source.RowCount, writer.Added, writer.Updated, writer.Unchanged, [],
            Written: editor is not null) { Warnings = quotes.Warnings };
    }

    /// <summary>
    /// The verbatim check of an imported statements file: a quote whose source's report is stored must be in it. A
    /// warning, not a problem: the file is still imported. Each report is looked up and folded once per import.
    /// </summary>
    private sealed class QuoteCheck(RecordType type)
    {
        private const int MaxWarnings = 1000;
        private readonly Dictionary<string, Verification.Verbatim.FoldedText?> _reports = new(StringComparer.Ordinal);

        public List<FieldProblem> Warnings { get; } = [];

        public async Task CheckAsync(PeaceTalksDbContext db, List<RecordRow> rows, CancellationToken cancellationToken)
        {
            if (type != RecordTypes.Statements || Warnings.Count >= MaxWarnings)
            {
                return;
            }
            var quotes = rows.Where(r => r["kind"] is TextKind.Quote && r["text"] is string && r["source"] is string).ToList();
            string[] unknown = [.. quotes.Select(r => (string)r["source"]!).Distinct(StringComparer.Ordinal).Where(k => !_reports.ContainsKey(k))];
            if (unknown.Length > 0)
            {
                var texts = await db.SourceTexts.AsNoTracking().Where(t => unknown.Contains(t.Source!.Key))
                    .Select(t => new { t.Source!.Key, t.Text }).ToDictionaryAsync(t => t.Key, t => t.Text, cancellationToken);
                foreach (var key in unknown)
                {
                    _reports[key] = texts.TryGetValue(key, out var text) ? new Verification.Verbatim.FoldedText(text) : null;
                }
            }
            foreach (var row in quotes)
            {
                if (_reports[(string)row["source"]!] is { } report && !report.Contains((string)row["text"]!) && Warnings.Count < MaxWarnings)
                {
                    Warnings.Add(new FieldProblem(row.Line, "text", (string)row["text"]!, Verification.Verbatim.NotFoundWarning));
                }
            }
        }
    }

    /// <summary>The file's SHA-256 in lower-case hex; the stream is left where it was.</summary>
    private static string Sha256(Stream content)
    {
        var start = content.Position;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        content.Position = start;
        return hash;
    }

    /// <summary>The rows of one file, checked by its format's rules, in batches.</summary>
    private sealed class RowSource : IDisposable
    {
        private readonly Stream _stream;
        private readonly CsvReader _reader;
        private readonly string[] _header;
        private readonly FieldProblems _problems;

        private RowSource(Stream stream, CsvReader reader, string[] header, RecordType type, FieldProblems problems)
        {
            _stream = stream;
            _reader = reader;
            _header = header;
            Type = type;
            _problems = problems;
        }

        public RecordType Type { get; }

        /// <summary>Data rows read so far (all of them once reading has ended).</summary>
        public int RowCount { get; private set; }

        /// <summary>Opens the file and recognises its format by the header, or returns null with the file's problem in <paramref name="errors"/>.</summary>
        public static RowSource? Open(Stream stream, FieldProblems errors)
        {
            if (CheckEncoding(stream) is { } encodingProblem)
            {
                errors.Add(FieldProblem.ForFile(encodingProblem));
                return null;
            }
            var reader = CsvReader.Create(stream, new CsvReaderOptions
            {
                Separator = ',',
                HasHeader = true,
                SkipEmptyLines = true,
                MalformedData = CsvMalformedDataHandling.Recover,
                OnMalformedRecord = bad => errors.Add(new FieldProblem((int)bad.RecordNumber, "", "", MalformedMessage(bad.Reason))),
            }, leaveOpen: true);
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0 || header is [""])
            {
                errors.Add(FieldProblem.ForFile("The file is empty: it needs a header row and at least one data row."));
                reader.Dispose();
                return null;
            }
            if (RecogniseHeader(header, errors) is not { } type)
            {
                reader.Dispose();
                return null;
            }
            return new RowSource(stream, reader, header, type, errors);
        }

        /// <summary>Reads every row, checks it, and hands the good ones on in batches; problems go to the error list.</summary>
        public async Task ReadAsync(ChannelWriter<List<RecordRow>> output, int batchRows, IProgress<ImportProgress>? progress,
            CancellationToken cancellationToken)
        {
            try
            {
                var columns = _header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
                var fields = new FieldReader(_problems, CsvCells.Restore);
                var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
                var total = _stream.Length;
                var batch = new List<RecordRow>(batchRows);
                var rowNumber = 1;
                while (_reader.Read())
                {
                    rowNumber++;
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = new string[_reader.FieldCount];
                    for (var i = 0; i < record.Length; i++)
                    {
                        record[i] = _reader.GetString(i);
                    }
                    fields.MoveTo(rowNumber, columns, record);
                    if (record.Length != _header.Length)
                    {
                        fields.Fail("", "", $"has {record.Length} cells, but the header has {_header.Length}");
                        continue;
                    }
                    var row = Type.Parse(fields);
                    var key = row.NaturalKey;
                    if (firstRowOfKey.TryGetValue(key, out var first))
                    {
                        fields.Fail(Type.KeyDescription, key, $"is a duplicate: the same {Type.KeyDescription} is on row {first}");
                    }
                    else if (key.Length > 0)
                    {
                        firstRowOfKey[key] = rowNumber;
                    }
                    if (fields.RowIsValid)
                    {
                        batch.Add(row);
                    }
                    if (batch.Count == batchRows)
                    {
                        await output.WriteAsync(batch, cancellationToken);
                        batch = new List<RecordRow>(batchRows);
                    }
                    if (rowNumber % ProgressEvery == 0)
                    {
                        // Bytes read is the honest measure of how far through the file we are.
                        progress?.Report(new ImportProgress(ImportStage.Reading, Percent(_reader.ByteOffset, total), 100));
                    }
                    RowCount = rowNumber - 1;
                }
                if (batch.Count > 0)
                {
                    await output.WriteAsync(batch, cancellationToken);
                }
                if (rowNumber == 1)
                {
                    _problems.Add(FieldProblem.ForFile("The file has a header but no data rows."));
                }
                output.Complete();
            }
            catch (Exception ex)
            {
                output.Complete(ex);
                throw;
            }
        }

        public void Dispose() => _reader.Dispose();
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

    private static RecordType? RecogniseHeader(string[] header, FieldProblems errors)
    {
        foreach (var twice in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldProblem(1, twice.Key, "", "appears more than once in the header"));
        }
        if (errors.Total > 0)
        {
            return null;
        }

        var names = header.ToHashSet();
        var fits = RecordTypes.All.Select(type => (
            type,
            missing: type.WrittenFields.Where(f => f.Mandatory && !names.Contains(f.Name)).Select(f => f.Name).ToList(),
            // "retracted" is written by exports that include retracted items; an import never retracts or restores.
            unknown: header.Where(h => h != CsvExporter.RetractedColumn && type.Find(h) is null).ToList())).ToList();

        var match = fits.FirstOrDefault(f => f.missing.Count == 0 && f.unknown.Count == 0);
        if (match.type is not null)
        {
            return match.type;
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
        errors.Add(FieldProblem.ForFile(
            $"The header is not one PeaceTalks knows. Closest is the {closest.type.Name} format ({string.Join("; ", problems)}). " +
            $"Expected columns: {string.Join(",", closest.type.Header)}."));
        return null;
    }
}

using System.ComponentModel.DataAnnotations;

namespace PeaceTalks.Web.Csv;

/// <summary>Limits of the import page (configuration section "Import").</summary>
public sealed class ImportOptions
{
    [Range(1, 2048)]
    public int MaxFileMegabytes { get; set; } = 50;

    /// <summary>How many files each editor may import a minute (previews, which write nothing, do not count).</summary>
    [Range(1, 10_000)]
    public int PerEditorPerMinute { get; set; } = 30;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}

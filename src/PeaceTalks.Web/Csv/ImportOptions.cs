namespace PeaceTalks.Web.Csv;

/// <summary>Limits of the import page (configuration section "Import").</summary>
public sealed class ImportOptions
{
    public int MaxFileMegabytes { get; set; } = 50;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}

using System.Text.RegularExpressions;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Repository;

/// <summary>The README stays short, and the docs point only inside the repository and only at files that are there.</summary>
public sealed partial class DocsTests
{
    private static IEnumerable<string> Documents() =>
        new[] { Path.Combine(RepoPaths.Root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories));

    [Fact]
    public void TheReadmeIsAtMostTenKilobytes()
    {
        var bytes = new FileInfo(Path.Combine(RepoPaths.Root, "README.md")).Length;

        Assert.InRange(bytes, 1_000, 10 * 1024);
    }

    [Fact]
    public void EveryRelativeLinkInTheDocsLeadsToAFileInTheRepository()
    {
        var documents = Documents().ToList();
        Assert.True(documents.Count >= 5, $"Only {documents.Count} documents found");

        var broken = new List<string>();
        foreach (var document in documents)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(target)));
                if (!full.StartsWith(RepoPaths.Root, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                {
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, document)}: {target}");
                }
            }
        }
        Assert.True(broken.Count == 0, "Links that lead nowhere in the repository:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void NoDocumentNamesAPathOutsideTheRepository()
    {
        var outside = Documents()
            .SelectMany(d => File.ReadLines(d).Select((line, i) => (Document: d, Line: i + 1, Text: line)))
            .Where(l => OutsidePath().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.Document)}:{l.Line}: {l.Text.Trim()}").ToList();

        Assert.True(outside.Count == 0, "Paths outside the repository:\n" + string.Join("\n", outside));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\.\./shared|(?<![\w.])/work/|/home/\w|C:\\Users")]
    private static partial Regex OutsidePath();
}

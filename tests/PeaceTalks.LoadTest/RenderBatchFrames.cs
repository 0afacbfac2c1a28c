using System.Text;

namespace PeaceTalks.LoadTest;

/// <summary>
/// Reads what a reader could click from a render batch, in the binary format Blazor's RenderBatchWriter sends
/// (reference frames of 20 bytes each, strings in a table at the end, five section offsets in the last 20 bytes):
/// each piece of text inside an element that has an onclick handler, with that handler's id. This is what the
/// browser's DOM holds and what a click dispatches; the client keeps the newest id per text.
/// </summary>
public static class RenderBatchFrames
{
    private const int FrameSize = 20;
    private const int Element = 1, Text = 2, Attribute = 3;

    /// <summary>The handler ids this batch retires, in the order the diff retired them: a click on one would be refused.</summary>
    public static List<ulong> DisposedHandlers(ReadOnlySpan<byte> batch)
    {
        var disposed = new List<ulong>();
        if (batch.Length < 20)
        {
            return disposed;
        }
        var at = Int(batch, batch.Length - 20 + 12);
        var count = Int(batch, at);
        for (var i = 0; i < count; i++)
        {
            disposed.Add(BitConverter.ToUInt64(batch.Slice(at + 4 + 8 * i, 8)));
        }
        return disposed;
    }

    public static Dictionary<string, ulong> ClickTargets(ReadOnlySpan<byte> batch) => Read(batch).Targets;

    /// <summary>
    /// New click handlers given to elements already on the page (an attribute frame outside any new element: the diff
    /// replaced a handler, as it does when a component renders a new lambda), in diff order.
    /// </summary>
    public static List<ulong> ReplacedHandlers(ReadOnlySpan<byte> batch) => Read(batch).Replaced;

    private static (Dictionary<string, ulong> Targets, List<ulong> Replaced) Read(ReadOnlySpan<byte> batch)
    {
        var targets = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var replaced = new List<ulong>();
        if (batch.Length < 20)
        {
            return (targets, replaced);
        }
        var toc = batch.Length - 20;
        var framesAt = Int(batch, toc + 4);
        var stringsAt = Int(batch, toc + 16);
        var stringCount = (toc - stringsAt) / 4;
        var count = Int(batch, framesAt);
        // Open elements: where each ends (its subtree length) and the click handler it carries, innermost on top.
        var open = new List<(int End, ulong Handler)>();
        for (var i = 0; i < count; i++)
        {
            var at = framesAt + 4 + FrameSize * i;
            open.RemoveAll(e => e.End <= i);
            switch (Int(batch, at))
            {
                case Element:
                    open.Add((i + Int(batch, at + 4), 0));
                    break;
                case Attribute when String(batch, stringsAt, stringCount, Int(batch, at + 4)) == "onclick":
                    var handler = BitConverter.ToUInt64(batch.Slice(at + 12, 8));
                    if (handler != 0 && open.Count > 0)
                    {
                        open[^1] = (open[^1].End, handler);
                    }
                    else if (handler != 0)
                    {
                        replaced.Add(handler);
                    }
                    break;
                case Text:
                    var text = String(batch, stringsAt, stringCount, Int(batch, at + 4))?.Trim();
                    var clickable = open.LastOrDefault(e => e.Handler != 0).Handler;
                    if (!string.IsNullOrEmpty(text) && clickable != 0)
                    {
                        targets[text] = clickable;
                    }
                    break;
            }
        }
        return (targets, replaced);
    }

    private static int Int(ReadOnlySpan<byte> batch, int at) => BitConverter.ToInt32(batch.Slice(at, 4));

    /// <summary>A string-table entry: BinaryWriter's 7-bit length prefix, then UTF-8.</summary>
    private static string? String(ReadOnlySpan<byte> batch, int tableAt, int count, int index)
    {
        if (index < 0 || index >= count)
        {
            return null;
        }
        var at = Int(batch, tableAt + 4 * index);
        int length = 0, shift = 0;
        byte b;
        do
        {
            b = batch[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}

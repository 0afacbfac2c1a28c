using System.Text.Json;
using System.Text.RegularExpressions;

namespace PeaceTalks.LoadTest;

/// <summary>
/// What a prerendered Blazor Web App page hands its client: the server component markers (each becomes a root
/// component of the circuit) and the persisted component state, both in HTML comments.
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<JsonElement> Markers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonElement>();
        foreach (Match m in MarkerComment().Matches(html))
        {
            using var json = JsonDocument.Parse(m.Groups["json"].Value);
            // The closing comment of a prerendered component carries only its prerenderId.
            if (json.RootElement.TryGetProperty("type", out var type) && type.GetString() == "server")
            {
                markers.Add(json.RootElement.Clone());
            }
        }
        var state = StateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>The UpdateRootComponents argument that adds every prerendered component, as blazor.web.js sends it.</summary>
    public string AddOperations(int batchId)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("batchId", batchId);
            writer.WriteStartArray("operations");
            for (var i = 0; i < Markers.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "add");
                writer.WriteNumber("ssrComponentId", i + 1);
                writer.WritePropertyName("marker");
                Markers[i].WriteTo(writer);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[^-]+)-->")]
    private static partial Regex StateComment();
}

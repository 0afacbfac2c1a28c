using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Extensions;

/// <summary>
/// The live connection's receive limit, sized from the rules rather than SignalR's 32 KB default: a form field must
/// take its rules' full length in any script. What the browser sends for one field (a change event, or the address
/// at the start of a circuit) is JSON, which may write each non-ASCII character as \uXXXX (6 bytes) or, in an
/// address, as %XX%XX (6 bytes); the longest field allowed anywhere (a pasted report, <see cref="FieldLimits.ArticleText"/>)
/// at 6 bytes a character, plus room for the message around it. Beyond that the server drops the connection, and the
/// page says so (Components/Layout/ReconnectModal.razor.js).
/// </summary>
public static class LiveConnectionLimits
{
    public const int BytesPerCharacter = 6;

    public static readonly long MaxReceiveBytes = (long)Math.Max(FieldLimits.Text, FieldLimits.ArticleText) * BytesPerCharacter + 64 * 1024;

    public static IServerSideBlazorBuilder SizedForTheLongestField(this IServerSideBlazorBuilder builder) =>
        builder.AddHubOptions(options => options.MaximumReceiveMessageSize = MaxReceiveBytes);
}

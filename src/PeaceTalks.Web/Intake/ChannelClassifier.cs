using System.Text.RegularExpressions;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// How the words were given, from the words of the attribution: "told reporters" → a press briefing, "wrote on X" → an X
/// post, "on Telegram" → a social-media post, "in a video address" → a speech, "in an interview with" → an interview,
/// "in a statement" → a press statement, "readout" → a readout. Nothing said: not stated.
/// </summary>
public static partial class ChannelClassifier
{
    private static readonly (Channel Channel, Func<Regex> Pattern)[] Rules =
    [
        (Channel.Readout, Readout),
        (Channel.XPost, XPost),
        (Channel.SocialMediaPost, SocialMedia),
        (Channel.Interview, Interview),
        (Channel.Speech, Speech),
        (Channel.PressBriefing, Briefing),
        (Channel.PressStatement, Statement),
    ];

    /// <summary>The channel the words name, and the words that name it.</summary>
    public static ChannelGuess Classify(string attribution)
    {
        foreach (var (channel, pattern) in Rules)
        {
            var m = pattern().Match(attribution);
            if (m.Success)
            {
                return new ChannelGuess(channel, $"“{m.Value.Trim()}”");
            }
        }
        return ChannelGuess.NotStated;
    }

    [GeneratedRegex(@"\breadout\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Readout();

    [GeneratedRegex(@"\b(?:wrote|posted|said|tweeted|writing|posting)\s+on\s+X\b|\b[Oo]n\s+X\s*:|\bin\s+an?\s+(?:\w+\s+)?X\s+post\b|\bX\s+post\b|\b[Oo]n\s+Twitter\b|\btweet(?:ed)?\b|\b[Oo]n\s+X\b(?![-\w])")]
    private static partial Regex XPost();

    [GeneratedRegex(@"\bTelegram\b|\bTruth\s+Social\b|\bFacebook\b|\bInstagram\b|\bYouTube\b|\bTikTok\b|\bVKontakte\b|\bsocial\s+(?:media|network)\b|\bposted\b|\bin\s+a\s+post\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialMedia();

    [GeneratedRegex(@"\b(?:in\s+an\s+)?interview(?:ed)?\b(?:\s+with(?:\s+[A-Z][\w.-]*){1,3})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Interview();

    [GeneratedRegex(@"\b(?:in\s+(?:a|an|his|her|their|the)\s+)?(?:(?:video|nightly|evening|televised|national|weekly|daily)\s+){0,2}address(?:ing)?\b(?!\s+(?:the\s+)?(?:reporters|journalists|a\s+press|a\s+news))|\b(?:in\s+(?:a|an|his|her|their|the)\s+)?(?:\w+\s+)?speech\b|\b(?:in\s+(?:a|an|his|her|their|the)\s+)?video\s+message\b|\bnightly\b|\bremarks\s+to\s+(?:the\s+)?(?:nation|parliament|lawmakers|the\s+forum|the\s+assembly)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Speech();

    [GeneratedRegex(@"\btold\s+(?:reporters|journalists|the\s+media|the\s+press|a\s+press\s+conference|a\s+news\s+conference|a\s+briefing)\b|\b(?:press|news)\s+conference\b|\bbriefing\b|\bconference\s+call\b|\b(?:to|with)\s+(?:reporters|journalists)\b|\breporters\b|\bjournalists\b|\bpress\s+availability\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Briefing();

    [GeneratedRegex(@"\bstatement\b|\bcommuniqu[ée]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();
}

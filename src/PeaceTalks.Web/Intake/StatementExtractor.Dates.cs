using System.Text.RegularExpressions;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

public sealed partial class StatementExtractor
{
    private sealed partial class Pass
    {
        private (DateOnly Date, string Reason)? _reportDefault;
        private bool _reportDefaultDone;
        private (DateOnly Date, string Reason)? _meetingDate;
        private Dictionary<string, (DateOnly Date, string Reason)>? _eventOccasions;

        /// <summary>The day weekdays and "yesterday" count back from: the report's date, or its dateline's.</summary>
        private DateOnly? Reference => _published ?? (_dateline is { } d ? d.Date.Resolve(null, _today) : null);

        /// <summary>The day a month and day without a year is placed before: the report's date, its dateline's, or the day it is read.</summary>
        private DateOnly Anchor => Reference ?? _today;

        private DateGuess Undated(string reason) => _published is { } p
            ? new DateGuess(p, DatePrecision.Day, DateBasis.OnOrBefore, $"{reason}: on or before the report of {Cells.Date(p)}")
            : new DateGuess(null, DatePrecision.Day, DateBasis.OnOrBefore, $"{reason}, and the report has no date");

        private static DateGuess On(DateOnly date, string reason, DatePrecision precision = DatePrecision.Day) => new(date, precision, DateBasis.On, reason);

        /// <summary>
        /// The day of an utterance: the time its attribution names ("said on Nov. 23", "Speaking … on November 27,", "Last week,"
        /// → no day, "That same day"); then a meeting that ended on a given day, or the meeting the attribution refers to ("after
        /// the talks"); then the same speaker's dated words earlier in the report, or a dated meeting they took part in; then the
        /// dateline; otherwise "on or before" the report.
        /// </summary>
        private void Date(Utterance u)
        {
            var a = u.Attribution;
            var previous = _utterances.LastOrDefault();
            var own = OwnTime(u);
            if (own is null && a?.Form is VerbForm.Participle or VerbForm.Coordinated && previous is not null && previous.Sentence == u.Sentence)
            {
                u.Date = previous.Date;
                u.FromOwnWords = previous.FromOwnWords;
                return;
            }
            if (own is not null)
            {
                u.FromOwnWords = true;
                u.Date = OwnDate(own, u.Position);
                u.NotADay = own.Kind == TimeKind.NotADay;
                return;
            }
            if (EventEnd(u) is { } ended)
            {
                u.Date = ended;
                u.FromOwnWords = true;
                return;
            }
            if (MeetingReference(u) is { } meeting)
            {
                u.Date = meeting;
                u.FromOwnWords = true;
                return;
            }
            // "Earlier, Stubb wrote… Stubb also said…": the words right after undated words of the same speaker are of that occasion.
            if (previous is { NotADay: true } && previous.Sentence.Paragraph == u.Sentence.Paragraph && previous.Speakers.Select(s => s.Key).SequenceEqual(u.Speakers.Select(s => s.Key)))
            {
                u.Date = previous.Date;
                u.NotADay = true;
                return;
            }
            var channel = ChannelClassifier.Classify(string.Join(" ", u.Region.Select(r => _report.Masked[r.Start..r.End]))).Channel;
            foreach (var who in u.Speakers)
            {
                // Words given another way (an interview after a Telegram post) are another occasion.
                if (_occasions.TryGetValue(who.Key, out var occasion) && occasion.Date.Basis == DateBasis.On
                    && (channel == Models.Channel.NotStated || occasion.Channel.Channel == Models.Channel.NotStated || occasion.Channel.Channel == channel))
                {
                    u.Date = occasion.Date with { Reason = $"{occasion.Date.Reason}, the same speaker’s occasion earlier in the report" };
                    if (u.Channel.Channel == Models.Channel.NotStated && occasion.Sentence.Paragraph.Index >= u.Sentence.Paragraph.Index - 3)
                    {
                        u.Channel = occasion.Channel;
                    }
                    return;
                }
            }
            foreach (var who in u.Speakers)
            {
                // A meeting dates what its participants say there (or to reporters after it), not their posts, interviews or speeches.
                if (who.Actor is { } actor && channel is Models.Channel.NotStated or Models.Channel.PressBriefing && EventOccasions().TryGetValue(actor.Slug, out var met))
                {
                    u.Date = On(met.Date, met.Reason);
                    return;
                }
            }
            var agencyReport = a?.Reported == true && u.Speakers.All(s => !s.Person);
            if (ReportDefault() is { } fallback && !agencyReport)
            {
                u.Date = On(fallback.Date, fallback.Reason);
                return;
            }
            u.Date = Undated("the report does not say when");
        }

        /// <summary>A dated occasion of speaking dates the same speaker's later words that name no day of their own.</summary>
        private void Remember(Utterance u)
        {
            if (u.Date.Basis != DateBasis.On || !u.FromOwnWords)
            {
                return;
            }
            foreach (var who in u.Speakers)
            {
                _occasions[who.Key] = u;
            }
        }

        /// <summary>The time named in the attribution itself, nearest its verb; none inside the reported words or quotations.</summary>
        private TimeExpression? OwnTime(Utterance u)
        {
            if (u.Attribution is null)
            {
                return null;
            }
            var at = u.Attribution.VerbStart;
            TimeExpression? best = null;
            var distance = int.MaxValue;
            foreach (var t in _times)
            {
                if (t.Start < u.Sentence.Start || t.End > u.Sentence.End || !u.Region.Any(r => t.Start >= r.Start && t.End <= r.End))
                {
                    continue;
                }
                // "recalled the December 6 talks": a day that qualifies a noun dates that thing, not the speaking.
                if (Attributive().IsMatch(_norm[Math.Max(0, t.Start - 8)..t.Start]) && t.Kind is TimeKind.Day or TimeKind.Weekday)
                {
                    continue;
                }
                var d = Math.Min(Math.Abs(t.Start - at), Math.Abs(t.End - at));
                if (d < distance)
                {
                    best = t;
                    distance = d;
                }
            }
            return best;
        }

        private DateGuess OwnDate(TimeExpression t, int position)
        {
            var said = $"“{t.Text.Trim()}”";
            switch (t.Kind)
            {
                case TimeKind.Day:
                case TimeKind.Month:
                    return t.Resolve(Reference, Anchor) is { } day
                        ? On(day, t.Year is null && _published is null ? $"{said}, the year from {Cells.Date(Anchor)}" : said, t.Kind == TimeKind.Month ? DatePrecision.Month : DatePrecision.Day)
                        : Undated($"{said} is not a date");
                case TimeKind.Weekday:
                case TimeKind.Relative:
                    return Reference is { } r && t.Resolve(r, Anchor) is { } d
                        ? On(d, $"{said} in the report of {Cells.Date(r)}")
                        : Undated($"{said}, but the report has no date to count from");
                case TimeKind.SameDay:
                    var earlier = _times.LastOrDefault(x => x.End <= t.Start && x.Kind is TimeKind.Day or TimeKind.Weekday && x.Resolve(Reference, Anchor) is not null);
                    return earlier is not null && earlier.Resolve(Reference, Anchor) is { } same
                        ? On(same, $"{said}: “{earlier.Text.Trim()}”, named just before")
                        : Undated($"{said}, but no day is named before it");
                default:
                    return Undated($"{said} names no day");
            }
        }

        /// <summary>"The discussions on Wednesday lasted two hours, Medinsky said": words about a meeting that ended that day were said then.</summary>
        private DateGuess? EventEnd(Utterance u)
        {
            foreach (var (start, end) in u.Clauses)
            {
                var clause = _report.Masked[start..end];
                if (!EndedMeeting().IsMatch(clause) || FutureMarker().IsMatch(clause) || Regex.IsMatch(clause, @"\bfrom\s+\w+day\b"))
                {
                    continue;
                }
                // Only when that is the report's own day: words about a meeting that ended that day can only have been said then.
                var time = _times.FirstOrDefault(t => t.Start >= start && t.End <= end && t.Kind is TimeKind.Day or TimeKind.Weekday);
                if (time?.Resolve(Reference, Anchor) is { } day && day == Reference)
                {
                    return On(day, $"the meeting the words are about ended “{time.Text.Trim()}”, the day of the report");
                }
            }
            return null;
        }

        /// <summary>"…told reporters after the meeting": the day the report gives the meeting.</summary>
        private DateGuess? MeetingReference(Utterance u)
        {
            foreach (var (start, end) in u.Region)
            {
                var m = MeetingRef().Match(_report.Masked[start..end]);
                if (m.Success && MeetingDate() is { } meeting)
                {
                    return On(meeting.Date, $"“{m.Value.Trim()}”: {meeting.Reason}");
                }
            }
            return null;
        }

        /// <summary>The first meeting the report dates (not a future one): "welcomed Zelensky … on Dec. 28", "the talks lasted two hours on Wednesday".</summary>
        private (DateOnly Date, string Reason)? MeetingDate()
        {
            if (_meetingDate is null && _eventOccasions is null)
            {
                EventOccasions();
            }
            return _meetingDate;
        }

        private Dictionary<string, (DateOnly Date, string Reason)> EventOccasions()
        {
            if (_eventOccasions is not null)
            {
                return _eventOccasions;
            }
            _eventOccasions = [];
            foreach (var sentence in _report.Sentences)
            {
                var masked = _report.Masked[sentence.Start..sentence.End];
                if (!MeetingWord().IsMatch(masked) || FutureMarker().IsMatch(masked))
                {
                    continue;
                }
                // "met … on Dec. 28" narrates the meeting; "recalled the Dec. 6 talks" only names one.
                var time = _times.FirstOrDefault(t => t.Start >= sentence.Start && t.End <= sentence.End && t.Kind is TimeKind.Day or TimeKind.Weekday
                    && (t.Kind == TimeKind.Day || Reference is not null) && (_dateline is null || t.Start >= _dateline.End)
                    && !Attributive().IsMatch(_norm[Math.Max(0, t.Start - 8)..t.Start]));
                if (time?.Resolve(Reference, Anchor) is not { } day || day > (Reference ?? _today).AddDays(1))
                {
                    continue;
                }
                var reason = $"the meeting the report dates “{time.Text.Trim()}”";
                _meetingDate ??= (day, reason);
                // Those a narrated meeting names took part in it; whoever reports on it did not.
                if (NamesSpeaking(masked))
                {
                    continue;
                }
                foreach (var m in MentionsIn(sentence.Start, sentence.End).Where(m => !m.Quoted && m.Kind == MentionKind.Name))
                {
                    _eventOccasions.TryAdd(m.Actor.Slug, (day, $"{m.Actor.Name} took part in the meeting the report dates “{time.Text.Trim()}”"));
                }
            }
            return _eventOccasions;
        }

        /// <summary>
        /// The day a wire report's dateline gives ("MOSCOW, November 24. /TASS/."), or the day its first sentence names when
        /// it names one ("PARIS, January 7 – … concluded a summit on Tuesday"); or the full date in a report's title.
        /// </summary>
        private (DateOnly Date, string Reason)? ReportDefault()
        {
            if (_reportDefaultDone)
            {
                return _reportDefault;
            }
            _reportDefaultDone = true;
            if (_dateline is { } d && d.Date.Resolve(null, _published ?? _today) is { } day)
            {
                _reportDefault = (day, $"the dateline “{_text[d.Start..d.End].Trim()}”");
                var lede = _report.Sentences.FirstOrDefault(s => s.End > d.End);
                // The day the first sentence narrates ("concluded a summit on Tuesday"), not a day inside someone's reported words.
                if (lede is not null && !FutureMarker().IsMatch(_report.Masked[d.End..lede.End]) && !NamesSpeaking(_report.Masked[d.End..lede.End]))
                {
                    var named = _times.FirstOrDefault(t => t.Start >= d.End && t.End <= lede.End && t.Kind is TimeKind.Day or TimeKind.Weekday);
                    if (named?.Resolve(day, day) is { } ledeDay && ledeDay <= day)
                    {
                        _reportDefault = (ledeDay, $"“{named.Text.Trim()}” in the first sentence, before the dateline’s day");
                    }
                }
                return _reportDefault;
            }
            var title = _report.Paragraphs.FirstOrDefault();
            if (title is { Heading: true })
            {
                var dated = _times.FirstOrDefault(t => t.Start >= title.Start && t.End <= title.End && t.Kind == TimeKind.Day && t.Year is not null);
                if (dated?.Resolve(null, Anchor) is { } titleDay)
                {
                    _reportDefault = (titleDay, $"the title’s date “{dated.Text.Trim()}”");
                }
            }
            return _reportDefault;
        }

        /// <summary>A finite reporting verb ("said", "reported", "according to"), not a participle ("announcing"): the sentence reports someone's words.</summary>
        private static bool NamesSpeaking(string masked) =>
            ReportingVerb().Matches(masked).Any(m => !m.Value.EndsWith("ing", StringComparison.Ordinal) && !QuoteOnlyVerbs.Contains(m.Value.ToLowerInvariant()));

        /// <summary>A headline ("…, Kremlin Says") reports what the first sentences say: the same day as the first statement below it.</summary>
        private void FixHeadlineDates()
        {
            var first = _utterances.FirstOrDefault(u => !u.Heading);
            if (first is null || first.Date.Basis != DateBasis.On)
            {
                return;
            }
            foreach (var u in _utterances.Where(u => u.Heading && u.Date.Basis != DateBasis.On))
            {
                u.Date = first.Date with { Reason = $"the headline reports the statement below it ({first.Date.Reason})" };
            }
        }

        // ---- Channel ---------------------------------------------------------------------------------------------

        private void Channel(Utterance u)
        {
            var region = string.Join(" ", u.Region.Select(r => _report.Masked[r.Start..r.End]));
            var guess = ChannelClassifier.Classify(region);
            if (guess.Channel == Models.Channel.NotStated && u.Attribution?.Form is VerbForm.Participle or VerbForm.Coordinated
                && _utterances.LastOrDefault() is { } previous && previous.Sentence == u.Sentence)
            {
                guess = previous.Channel;
            }
            if (guess.Channel != Models.Channel.NotStated || u.Channel.Channel == Models.Channel.NotStated)
            {
                u.Channel = guess;
            }
            // "The head of state said this in his video message": the channel of what the speaker said just before.
            if (guess.Channel != Models.Channel.NotStated && u.Clauses.Count == 0 && u.Attribution is { } a
                && Regex.IsMatch(_report.Masked[a.VerbEnd..Math.Min(u.Sentence.End, a.VerbEnd + 8)], @"^\s+(?:this|so|it)\b"))
            {
                foreach (var earlier in _utterances.Where(e => e.Speakers.Select(s => s.Key).SequenceEqual(u.Speakers.Select(s => s.Key))
                    && e.Channel.Channel == Models.Channel.NotStated && e.Sentence.Paragraph.Index >= u.Sentence.Paragraph.Index - 1))
                {
                    earlier.Channel = guess;
                }
            }
        }

        [GeneratedRegex(@"\b(?:the|its|his|her|their|this|that|a|an)\s+$|'s\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex Attributive();

        [GeneratedRegex(@"\b(?:talks|meeting|negotiations|session|consultations|summit|discussions|round)\b[^.;¤]{0,80}?\b(?:ended|concluded|lasted|wrapped\s+up|finished|closed|came\s+to\s+an\s+end)\b|\b(?:ended|concluded|wrapped\s+up)\s+(?:the\s+)?(?:talks|meeting|negotiations|session|consultations|summit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex EndedMeeting();

        [GeneratedRegex(@"\b(?:will|to\s+take\s+place|scheduled|set\s+to|due\s+to|is\s+due|are\s+due|planned|plans\s+to|next|upcoming|expected\s+to|to\s+hold|to\s+meet|would\s+take\s+place)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex FutureMarker();

        [GeneratedRegex(@"\b(?:meeting|talks|summit|session|negotiations|consultations|met|welcomed|hosted)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex MeetingWord();

        [GeneratedRegex(@"\b(?:after|before|following|during|at|ahead\s+of|on\s+the\s+sidelines\s+of|at\s+the\s+end\s+of|after\s+the\s+end\s+of|at\s+the\s+close\s+of)\s+(?:the|this|these|their)\s+(?:(?!press\b|news\b)[\w'’.-]+\s+){0,5}?(?:meeting|talks|summit|session|negotiations|consultations|round)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex MeetingRef();
    }
}

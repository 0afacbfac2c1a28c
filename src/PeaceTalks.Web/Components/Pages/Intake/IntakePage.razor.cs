using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Components.Pages.Intake;

public partial class IntakePage
{
    /// <summary>A report waiting its turn: fetched (or pasted) and ready, or why it could not be read.</summary>
    private sealed record QueuedReport(string Label, IntakeArticle? Article, string? Problem)
    {
        public bool Done { get; set; }
    }

    private string? _addresses;
    private string? _fetchProgress;
    private IReadOnlyList<string> _fetchProblems = [];
    private DateOnly? _latest;
    private readonly List<QueuedReport> _queue = [];
    private int _current;
    private string? _text;
    private string? _title;
    private string? _outlet;
    private string? _url;
    private string? _published;
    private string? _publishedError;
    private bool _busy;
    private List<IntakeDraft>? _drafts;

    /// <summary>The report as it will be stored, for the verbatim check of each draft.</summary>
    private string? _reportText;
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyList<string> _notes = [];
    private IntakeResult? _saved;
    private IReadOnlyList<ActorOption> _actors = [];
    private IReadOnlyList<IssueOption> _issues = [];
    private IReadOnlyList<PointOption> _points = [];
    private IReadOnlyList<MeetingOption> _meetings = [];

    /// <summary>The last save's outcome: its problems are shown beside the candidates they are about.</summary>
    private IntakeResult? _result;

    private IntakeArticle? Article()
    {
        _publishedError = null;
        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(_published))
        {
            published = DashboardFilter.ParseIso(_published);
            if (published is null)
            {
                _publishedError = $"'{DashboardFilter.Shorten(_published)}' is not a date (expected YYYY-MM-DD).";
                return null;
            }
        }
        if (string.IsNullOrWhiteSpace(_text))
        {
            _problems = ["Paste the report's text first."];
            return null;
        }
        return new IntakeArticle(_text, _title?.Trim(), _outlet?.Trim(), _url?.Trim(), published);
    }

    /// <summary>Downloads every address, one after the other, then opens the first report that could be read.</summary>
    private async Task FetchAsync()
    {
        var addresses = (_addresses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            _problems = ["Give at least one address (http:// or https://)."];
            return;
        }
        _busy = true;
        _problems = [];
        _fetchProblems = [];
        _queue.Clear();
        var failed = new List<string>();
        try
        {
            for (var i = 0; i < addresses.Length; i++)
            {
                _fetchProgress = $"Fetching {i + 1} of {addresses.Length}: {DashboardFilter.Shorten(addresses[i])}";
                StateHasChanged();
                try
                {
                    var article = await Fetcher.FetchAsync(addresses[i]);
                    _queue.Add(new QueuedReport(article.Title ?? addresses[i], article, null));
                }
                catch (FetchRefusedException ex)
                {
                    failed.Add(ex.Message);
                }
            }
            // Only the reports that could be read are queued; the others are named with their reasons beside the Fetch button.
            _fetchProblems = failed;
            _fetchProgress = _queue.Count == 0 ? null : $"Fetched {_queue.Count} of {addresses.Length}.";
        }
        finally
        {
            _busy = false;
        }
        await OpenAsync(_queue.FindIndex(q => q.Article is not null));
    }

    /// <summary>Marks the report in hand done and opens the next one waiting.</summary>
    private async Task NextAsync()
    {
        if (_current < _queue.Count)
        {
            _queue[_current].Done = true;
        }
        await OpenAsync(_queue.FindIndex(_current + 1, q => !q.Done && q.Article is not null));
    }

    /// <summary>Puts a queued report into the form and finds its statements.</summary>
    private async Task OpenAsync(int index)
    {
        if (index < 0)
        {
            return;
        }
        _current = index;
        var article = _queue[index].Article!;
        (_text, _title, _outlet, _url, _published) = (article.Text, article.Title, article.Outlet, article.Url,
            article.PublishedOn is { } day ? DashboardFilter.Iso(day) : null);
        _saved = null;
        await FindAsync();
    }

    private async Task FindAsync()
    {
        _notes = [];
        _saved = null;
        // Several pasted reports: each becomes a report of its own, reviewed in turn.
        if (_text is { } pasted && PastedReports.AreSeveral(pasted))
        {
            var reports = PastedReports.Split(pasted);
            _queue.Clear();
            _queue.AddRange(reports.Select((r, i) => new QueuedReport(r.Title ?? $"pasted report {i + 1}", r, null)));
            _problems = [];
            _fetchProgress = $"{reports.Count} reports pasted: each is reviewed in turn.";
            _fetchProblems = [];
            await OpenAsync(0);
            return;
        }
        _problems = [];
        // One pasted report: its short first line is its headline, as for several reports.
        if (string.IsNullOrWhiteSpace(_title) && _text is { } single && PastedReports.Headline(single) is { } headline)
        {
            _title = headline;
        }
        if (Article() is not { } article)
        {
            return;
        }
        _busy = true;
        try
        {
            var proposal = await Intake.ProposeAsync(article);
            _reportText = proposal.ArticleText;
            _actors = proposal.Actors;
            _issues = proposal.Issues;
            _points = proposal.Points;
            _meetings = proposal.Meetings;
            _latest = proposal.Latest;
            _result = null;
            _drafts = [.. proposal.Drafts];
        }
        catch (NotAllowedException ex)
        {
            _problems = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        if (_drafts is null || Article() is not { } article)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Intake.SaveAsync(article, _drafts);
            _result = result;
            // Problems about one candidate are shown with it; the rest (the report, nothing accepted) above the list.
            _problems = [.. result.Problems.Where(p => p.Candidate is null).Select(p => p.ToString())];
            var candidates = result.Problems.Where(p => p.Candidate is not null).Select(p => p.Candidate).Distinct().Count();
            if (candidates > 0)
            {
                _problems = [.. _problems, $"Nothing was saved: {(candidates == 1 ? "one candidate needs" : $"{candidates} candidates need")} attention (marked below)."];
            }
            _notes = result.Notes;
            if (result.Saved)
            {
                _saved = result;
                _drafts = null;
            }
        }
        catch (NotAllowedException ex)
        {
            _problems = [ex.Message];
        }
        catch (DatabaseBusyException ex)
        {
            _problems = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }
}

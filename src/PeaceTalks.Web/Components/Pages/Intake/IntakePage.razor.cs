using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Components.Pages.Intake;

public partial class IntakePage
{
    private string? _text;
    private string? _title;
    private string? _outlet;
    private string? _url;
    private string? _published;
    private string? _publishedError;
    private bool _busy;
    private List<IntakeDraft>? _drafts;
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

    private async Task FindAsync()
    {
        _problems = [];
        _notes = [];
        _saved = null;
        if (Article() is not { } article)
        {
            return;
        }
        _busy = true;
        try
        {
            var proposal = await Intake.ProposeAsync(article);
            _actors = proposal.Actors;
            _issues = proposal.Issues;
            _points = proposal.Points;
            _meetings = proposal.Meetings;
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

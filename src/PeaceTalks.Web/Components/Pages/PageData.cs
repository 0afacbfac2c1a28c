using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Components.Pages;

// What each page reads for one address: persisted by the prerender and reused by the live page (see DataPage).

public sealed record TimelineData(string Address, ResolvedFilter Filter, IReadOnlyList<string> Sides, IReadOnlyList<IssueOption> Issues,
    IReadOnlyList<TimelineItem> Items, TimelineCursor? Next, TimelineCounts? Counts) : IPageData;

public sealed record StancesData(string Address, ResolvedFilter Filter, IReadOnlyList<string> Sides, IReadOnlyList<IssueOption> Issues,
    StanceMatrix Matrix, IReadOnlyList<StanceRow>? Rows) : IPageData;

public sealed record ActorData(string Address, ActorProfile? Profile, ResolvedFilter? Filter, IReadOnlyList<TimelineItem> Statements,
    TimelineCursor? Next, IReadOnlyList<HistoryEntry> History, IReadOnlyList<PointMention> Points) : IPageData;

public sealed record HomeData(string Address, DashboardCounts Counts, IReadOnlyList<TimelineItem> Latest) : IPageData;

public sealed record ActorListData(string Address, ResolvedFilter Filter, IReadOnlyList<string> Sides, IReadOnlyList<string> Problems,
    ActorSort Sort, bool Descending, ActorList List) : IPageData;

public sealed record MeetingListData(string Address, ResolvedFilter Filter, IReadOnlyList<string> Sides, IReadOnlyList<IssueOption> Issues,
    IReadOnlyList<string> Problems, MeetingList List) : IPageData;

public sealed record MeetingData(string Address, MeetingDetail? Detail, IReadOnlyList<HistoryEntry> History) : IPageData;

public sealed record StatementData(string Address, StatementDetail? Detail, IReadOnlyList<HistoryEntry> History,
    Verification.CheckInfo? Check = null) : IPageData;

public sealed record ChangesData(string Address, ChangeFilter Filter, IReadOnlyList<string> Users, IReadOnlyList<string> Problems,
    ChangePage Page, bool Admin) : IPageData;

public sealed record IssueData(string Address, IssueSummary? Issue, ResolvedFilter? Filter, IReadOnlyList<StanceRow> Stances,
    IReadOnlyList<TimelineItem> Statements, TimelineCursor? Next, IReadOnlyList<HistoryEntry> History, IReadOnlyList<PointMention> Points) : IPageData;

public sealed record IssueListData(string Address, IReadOnlyList<IssueListItem> Issues) : IPageData;

public sealed record PlanListData(string Address, IReadOnlyList<PlanListItem> Plans) : IPageData;

public sealed record PlanData(string Address, PlanDetail? Plan, IReadOnlyList<string> Problems, bool Matrix, IReadOnlyList<HistoryEntry> History) : IPageData;

public sealed record PlanCompareData(string Address, PlanHeader? Plan, PlanComparison? Comparison, IReadOnlyList<string> Problems) : IPageData;

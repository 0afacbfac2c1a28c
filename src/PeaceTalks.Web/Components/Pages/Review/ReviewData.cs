using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Web.Components.Pages.Review;

public sealed record ReviewData(string Address, ResolvedFilter Filter, VerificationState State, IReadOnlyList<string> Sides,
    IReadOnlyList<IssueOption> Issues, ReviewQueue Page) : IPageData;

public sealed record VerbatimData(string Address, VerbatimReport Report) : IPageData;

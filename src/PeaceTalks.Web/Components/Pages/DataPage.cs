using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PeaceTalks.Web.Components.Shared;
using Microsoft.Extensions.Caching.Memory;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Components.Pages;

/// <summary>
/// Page data read by a prerender, kept on the server for a minute for the live page that follows it. Only a random
/// key travels through the page (persisted component state), not the data itself: persisting the data would put it,
/// encrypted and base64-encoded and so incompressible, into every page (25 KB of the seeded timeline's 37 KB).
/// When the live page lands on another app node, or comes later than a minute, it finds nothing and reads again.
/// </summary>
public sealed class PrerenderedData
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    // Bounded: prerenders that no live page follows (crawlers, plain HTTP readers) are forgotten first.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public string Keep(object data)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _cache.Set(key, data, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeepFor });
        return key;
    }

    /// <summary>The data kept under the key, once: the key is spent.</summary>
    public T? Take<T>(string key) where T : class
    {
        var data = _cache.Get(key) as T;
        _cache.Remove(key);
        return data;
    }
}

/// <summary>What a page read for one address (path and query), so a later load can tell whether it still fits.</summary>
public interface IPageData
{
    /// <summary>The page's address relative to the base, e.g. "timeline?actor=yuri-ushakov".</summary>
    string Address { get; }
}

/// <summary>
/// A routable page that reads its data for its address. Once per visit: the data read while prerendering is handed to
/// the live page (<see cref="PrerenderedData"/>), so the queries do not run a second time. Never out of order: a new
/// address cancels the load still running for the old one, and a result that belongs to an older load is dropped.
/// </summary>
public abstract class DataPage<TData> : ComponentBase, IDisposable where TData : class, IPageData
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>Whether the page offers "Edit" and "Add" (read once per page and handed to its cards; see <see cref="EditAccess"/>).</summary>
    protected bool CanEdit { get; private set; }

    [Inject] private PrerenderedData Prerendered { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptionsMonitor<Accounts.AccessOptions> AccessSettings { get; set; } = default!;

    /// <summary>
    /// Whether this reader sees unverified items: always on an installation that publishes them (Access:PublishUnverified,
    /// the default), otherwise editors and admins only (with their badges).
    /// </summary>
    protected bool SeesUnverified => Verification.Publication.SeesUnverified(AccessSettings.CurrentValue, CanEdit);

    /// <summary>The filter as this reader may have it: verified items only where the installation shows them no more.</summary>
    protected DashboardFilter ForReader(DashboardFilter filter) => filter with { UnverifiedHidden = !SeesUnverified };

    /// <summary>Where the prerender left its data for the live page (see <see cref="PrerenderedData"/>).</summary>
    [PersistentState] public string? PrerenderedKey { get; set; }

    private CancellationTokenSource? _load;
    private int _generation;
    private string? _shownAddress;

    protected string Address => Navigation.ToBaseRelativePath(Navigation.Uri);

    /// <summary>Loads that have ended, shown or dropped: tests wait on it to know a late result has been dealt with.</summary>
    internal int FinishedLoads { get; private set; }

    /// <summary>Reads everything the page shows for <see cref="Address"/>. Passes the token to every query.</summary>
    protected abstract Task<TData> LoadAsync(LoadContext context);

    /// <summary>Puts loaded data on the page (fields only; rendering follows).</summary>
    protected abstract void Show(TData data);

    /// <summary>Called when a load starts for a new address, before its data arrives (e.g. to clear the old results).</summary>
    protected virtual void Clear()
    {
    }

    protected override async Task OnParametersSetAsync()
    {
        CanEdit = await EditAccess.CanEditAsync(Authentication);
        var address = Address;
        if (address == _shownAddress)
        {
            return;
        }
        _shownAddress = address;
        if (PrerenderedKey is { } key)
        {
            PrerenderedKey = null;
            if (Prerendered.Take<TData>(key) is { } prerendered && prerendered.Address == address)
            {
                // The prerender read this already.
                Show(prerendered);
                return;
            }
        }
        var context = Start();
        Clear();
        try
        {
            var data = await LoadAsync(context);
            if (context.IsCurrent)
            {
                if (!RendererInfo.IsInteractive)
                {
                    PrerenderedKey = Prerendered.Keep(data);
                }
                Show(data);
            }
        }
        catch (OperationCanceledException) when (context.Token.IsCancellationRequested)
        {
            // A newer address took over.
        }
        finally
        {
            FinishedLoads++;
        }
    }

    /// <summary>Starts a load, cancelling any before it. Also used for "load more", which must not outlive its address.</summary>
    protected LoadContext Start()
    {
        _load?.Cancel();
        _load?.Dispose();
        _load = new CancellationTokenSource();
        return new LoadContext(this, ++_generation, _load.Token);
    }

    /// <summary>The load in progress, for work that belongs to the current address (e.g. "load more").</summary>
    protected LoadContext Current => new(this, _generation, _load?.Token ?? CancellationToken.None);

    /// <summary>
    /// The next page of a timeline list ("Load more" on the timeline, actor and issue pages), or null when the address
    /// changed while it was read: a page that arrives after the filter changed belongs to the old list and is dropped.
    /// </summary>
    protected async Task<TimelinePage?> NextTimelinePageAsync(TimelineQueries queries, ResolvedFilter filter, TimelineCursor? after)
    {
        var load = Current;
        try
        {
            var page = await queries.GetPageAsync(filter, after, cancellationToken: load.Token);
            return load.IsCurrent ? page : null;
        }
        catch (OperationCanceledException) when (load.Token.IsCancellationRequested)
        {
            return null;
        }
    }

    public virtual void Dispose()
    {
        _load?.Cancel();
        _load?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One load: its cancellation token, whether it is still the newest, and a way to show part of it early.</summary>
    protected sealed class LoadContext(DataPage<TData> page, int generation, CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public bool IsCurrent => generation == page._generation && !Token.IsCancellationRequested;

        /// <summary>Shows data that is not complete yet (a first page before its counts) while the load goes on.</summary>
        public void ShowEarly(TData data)
        {
            if (IsCurrent)
            {
                page.Show(data);
                page.StateHasChanged();
            }
        }
    }
}

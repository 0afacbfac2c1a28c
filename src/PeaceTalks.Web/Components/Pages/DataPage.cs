using Microsoft.AspNetCore.Components;

namespace PeaceTalks.Web.Components.Pages;

/// <summary>How much page data the prerender may hand to the live page.</summary>
public static class PageState
{
    public const int MaxPersistedBytes = 128 * 1024;

    /// <summary>The browser's first message to the live page carries that data, encrypted and encoded: room for it.</summary>
    public const int MaxReceiveMessageBytes = 2 * MaxPersistedBytes + 64 * 1024;

    internal static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}

/// <summary>What a page read for one address (path and query), so a later load can tell whether it still fits.</summary>
public interface IPageData
{
    /// <summary>The page's address relative to the base, e.g. "timeline?actor=yuri-ushakov".</summary>
    string Address { get; }
}

/// <summary>
/// A routable page that reads its data for its address. Once per visit: the data read while prerendering is persisted
/// into the page and picked up by the live page, so the queries do not run a second time. Never out of order: a new
/// address cancels the load still running for the old one, and a result that belongs to an older load is dropped.
/// </summary>
public abstract class DataPage<TData> : ComponentBase, IDisposable where TData : class, IPageData
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The data last shown; persisted at the end of the prerender for the live page to reuse.</summary>
    [PersistentState] public TData? Loaded { get; set; }

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
        var address = Address;
        if (address == _shownAddress)
        {
            return;
        }
        _shownAddress = address;
        if (Loaded is { } persisted && persisted.Address == address)
        {
            // The prerender read this already.
            Show(persisted);
            return;
        }
        var context = Start();
        Clear();
        try
        {
            var data = await LoadAsync(context);
            if (context.IsCurrent)
            {
                Loaded = RendererInfo.IsInteractive || Fits(data) ? data : null;
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

    /// <summary>
    /// Prerendered data travels to the live page inside the browser's first message to the server, which has a size
    /// limit (<see cref="PageState.MaxPersistedBytes"/> plus room for encryption and encoding). Data larger than that (a page of
    /// 20,000-character quotes) is not persisted: the live page then reads it again.
    /// </summary>
    private static bool Fits(TData data) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data, PageState.Json).Length <= PageState.MaxPersistedBytes;

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

namespace Tessera.Http;

/// <summary>
/// Gives the memory of large request bodies back to the system. A body of a megabyte or more lands
/// in the large object heap, which the GC rarely compacts and whose pages it keeps; a few such
/// requests left a dev cluster hundreds of MB larger for good. After the last of a run of large
/// bodies, once none has come for <see cref="Quiet"/>, one compacting, decommitting collection
/// runs — at most once per <see cref="MinInterval"/>, so a client sending large bodies on end
/// cannot make the process collect on end (while they come, the heap reuses their space).
/// </summary>
public static class LargeBodies
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    private static long _lastSeen;
    private static long _lastCollected;
    private static int _scheduled;

    /// <summary>A body of <paramref name="bytes"/> was buffered.</summary>
    public static void Seen(int bytes)
    {
        Volatile.Write(ref _lastSeen, Environment.TickCount64);
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Run(CollectWhenQuietAsync);
    }

    private static async Task CollectWhenQuietAsync()
    {
        while (true)
        {
            var now = Environment.TickCount64;
            var wait = Math.Max(Volatile.Read(ref _lastSeen) + (long)Quiet.TotalMilliseconds,
                _lastCollected + (long)MinInterval.TotalMilliseconds) - now;
            if (wait <= 0) break;
            await Task.Delay(TimeSpan.FromMilliseconds(wait)).ConfigureAwait(false);
        }
        _lastCollected = Environment.TickCount64;
        Volatile.Write(ref _scheduled, 0);
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode =
            System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}

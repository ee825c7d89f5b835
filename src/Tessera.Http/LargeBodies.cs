namespace Tessera.Http;

/// <summary>
/// Gives the memory of large request bodies back to the system. A body of a megabyte or more lands
/// in the large object heap, which the GC rarely compacts and whose pages it keeps; a few such
/// requests left a dev cluster hundreds of MB larger for good. After one, a compacting, decommitting
/// collection runs once the process has been quiet for a moment, at most once per interval.
/// </summary>
public static class LargeBodies
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static long _pending;
    private static int _scheduled;

    /// <summary>A body of <paramref name="bytes"/> was buffered.</summary>
    public static void Seen(int bytes)
    {
        Interlocked.Add(ref _pending, bytes);
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            // Let a burst of large requests finish before paying for one collection.
            await Task.Delay(Quiet).ConfigureAwait(false);
            Interlocked.Exchange(ref _pending, 0);
            Volatile.Write(ref _scheduled, 0);
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
    }
}

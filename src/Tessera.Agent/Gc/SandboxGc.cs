using System.Threading.Channels;

namespace Tessera.Agent.Gc;

/// <summary>
/// The folders scheduled for removal (finished sandboxes, stale container records). Owned by the
/// agent loop: tasks and executors schedule their sandbox when the agent forgets them; the
/// <see cref="SandboxGcLoop"/> reads a snapshot, deletes off the loop and reports back.
/// </summary>
internal sealed class SandboxGc
{
    private readonly Dictionary<string, GcEntry> _scheduled = new(StringComparer.Ordinal);
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int Count => _scheduled.Count;

    /// <summary>Signalled when something was scheduled, so the loop can plan again.</summary>
    public ChannelReader<bool> Nudges => _nudges.Reader;

    public void Schedule(string path, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(path)) return;
        path = Path.GetFullPath(path);
        _scheduled[path] = new GcEntry(path, at);
        _nudges.Writer.TryWrite(true);
    }

    public bool Unschedule(string path) => _scheduled.Remove(Path.GetFullPath(path));

    public bool IsScheduled(string path) => _scheduled.ContainsKey(Path.GetFullPath(path));

    /// <summary>At start: what <see cref="SandboxScan"/> found that belongs to no task or executor the agent knows, aged from its mtime. Returns how many.</summary>
    public int ScheduleUnknown(IEnumerable<GcEntry> found, IEnumerable<string> known)
    {
        var inUse = known.Where(k => !string.IsNullOrEmpty(k)).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var count = 0;
        foreach (var entry in found.Where(e => !inUse.Contains(e.Path)))
        {
            Schedule(entry.Path, entry.ScheduledAt);
            count++;
        }
        return count;
    }

    public IReadOnlyList<GcEntry> Snapshot() => [.. _scheduled.Values];

    /// <summary>The loop is done with these (removed, or refused and given up on).</summary>
    public void Done(IEnumerable<string> paths)
    {
        foreach (var path in paths) _scheduled.Remove(path);
    }
}

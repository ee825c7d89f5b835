using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.StatusUpdates;

/// <summary>
/// Reliable status updates, as Mesos' agent keeps them: per task a queue in order; only the head is
/// in flight; it is sent again with backoff until the master forwards the framework's
/// acknowledgement for its uuid; then the next one goes. Owned by the agent loop (no locks).
/// </summary>
internal sealed class StatusUpdateManager(TimeSpan retryInitial, TimeSpan retryMax)
{
    private readonly Dictionary<(string Framework, string Task), Stream> _streams = [];

    private sealed class Stream
    {
        public Queue<AgentStatusUpdate> Pending { get; } = new();
        public DateTimeOffset NextSend { get; set; }
        public TimeSpan Backoff { get; set; }
    }

    public int PendingCount => _streams.Values.Sum(s => s.Pending.Count);

    public void Enqueue(AgentStatusUpdate update, DateTimeOffset now)
    {
        var key = (update.FrameworkId.Value, update.Status.TaskId.Value);
        if (!_streams.TryGetValue(key, out var stream)) _streams[key] = stream = new Stream { NextSend = now, Backoff = retryInitial };
        stream.Pending.Enqueue(update);
    }

    /// <summary>Heads of queues due to be sent (first send or retry); marks them sent.</summary>
    public List<AgentStatusUpdate> Due(DateTimeOffset now)
    {
        var due = new List<AgentStatusUpdate>();
        foreach (var stream in _streams.Values)
        {
            if (stream.Pending.Count == 0 || stream.NextSend > now) continue;
            due.Add(stream.Pending.Peek());
            stream.NextSend = now + stream.Backoff;
            stream.Backoff = TimeSpan.FromTicks(Math.Min(stream.Backoff.Ticks * 2, retryMax.Ticks));
        }
        return due;
    }

    /// <summary>The framework acknowledged <paramref name="uuid"/>: the head goes, the next is due at once.</summary>
    public bool Acknowledge(string frameworkId, string taskId, ByteString uuid, DateTimeOffset now)
    {
        if (!_streams.TryGetValue((frameworkId, taskId), out var stream) || stream.Pending.Count == 0) return false;
        if (stream.Pending.Peek().Status.Uuid != uuid) return false;
        stream.Pending.Dequeue();
        stream.NextSend = now;
        stream.Backoff = retryInitial;
        if (stream.Pending.Count == 0) _streams.Remove((frameworkId, taskId));
        return true;
    }

    /// <summary>The master could not take it for good (403 not registered: re-register; 404 unknown framework: retry later).</summary>
    public void Drop(string frameworkId) =>
        _ = _streams.Keys.Where(k => k.Framework == frameworkId).ToList().All(k => _streams.Remove(k));

    public IEnumerable<AgentStatusUpdate> Unacknowledged => _streams.Values.SelectMany(s => s.Pending);

    /// <summary>Whether the task has an update not yet acknowledged.</summary>
    public bool HasPending(string frameworkId, string taskId) =>
        _streams.TryGetValue((frameworkId, taskId), out var stream) && stream.Pending.Count > 0;

    /// <summary>One task's updates not yet acknowledged, oldest first.</summary>
    public IReadOnlyList<AgentStatusUpdate> PendingFor(string frameworkId, string taskId) =>
        _streams.TryGetValue((frameworkId, taskId), out var stream) ? [.. stream.Pending] : [];
}

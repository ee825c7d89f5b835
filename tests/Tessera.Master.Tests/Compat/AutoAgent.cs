using System.Collections.Concurrent;
using System.Net;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Compat;

/// <summary>
/// A <see cref="FakeAgent"/> that "runs" every task it is sent, as a Mesos agent's status update
/// manager reports it: TASK_RUNNING, then TASK_FINISHED, each with a fresh uuid, one at a time per
/// task, re-sending the pending update every <see cref="ResendInterval"/> until the master forwards
/// the matching ACKNOWLEDGE_UPDATE. Stands in until the real agent lands.
/// </summary>
internal sealed class AutoAgent : IAsyncDisposable
{
    private static readonly TimeSpan ResendInterval = TimeSpan.FromMilliseconds(500);
    private readonly FakeAgent _agent;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, PendingTask> _tasks = new(StringComparer.Ordinal);
    private Task? _loop;

    public AutoAgent(Uri master) => _agent = new FakeAgent(master);

    /// <summary>Every command received (pings excepted), in order.</summary>
    public ConcurrentQueue<AgentCommand> Received { get; } = new();

    /// <summary>Every update generated (task, state, uuid); re-sends are not repeated here.</summary>
    public ConcurrentQueue<(string TaskId, TaskState State, ByteString Uuid)> Generated { get; } = new();

    /// <summary>Uuids acknowledged by the master (each counted once).</summary>
    public ConcurrentDictionary<ByteString, bool> Acknowledged { get; } = new();

    /// <summary>Status posts made, re-sends included.</summary>
    public int Posts => _posts;

    private int _posts;

    public async Task StartAsync()
    {
        await _agent.StartAsync();
        _loop = Task.Run(async () =>
        {
            try { await RunAsync(_stop.Token); }
            catch (Exception e) { if (!_stop.IsCancellationRequested) Fault = e; }
        });
    }

    /// <summary>What stopped the responder early, if anything (the test asserts it is null).</summary>
    public Exception? Fault { get; private set; }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            while (_agent.Commands.TryDequeue(out var command))
            {
                Received.Enqueue(command);
                if (command.RunTask is { } run)
                    _tasks[run.Task.TaskId.Value] = Next(run.FrameworkInfo.Id!.Value, run.Task.TaskId.Value, TaskState.TASK_RUNNING);
                else if (command.AcknowledgeUpdate is { } ack && _tasks.TryGetValue(ack.TaskId.Value, out var task) && task.Uuid == ack.Uuid)
                {
                    Acknowledged[ack.Uuid] = true;
                    if (task.State == TaskState.TASK_RUNNING) _tasks[task.TaskId] = Next(task.FrameworkId, task.TaskId, TaskState.TASK_FINISHED);
                    else _tasks.Remove(task.TaskId);
                }
            }
            foreach (var task in _tasks.Values.Where(t => DateTime.UtcNow - t.SentAt >= ResendInterval).ToList())
            {
                task.SentAt = DateTime.UtcNow;
                Interlocked.Increment(ref _posts);
                var (status, _) = await _agent.SendStatusAsync(task.FrameworkId, task.TaskId, task.State, task.Uuid);
                // 404 (framework not known yet) and the like are retried at the next interval.
                if (status != HttpStatusCode.Accepted) task.SentAt = DateTime.UtcNow;
            }
            try { await Task.Delay(20, ct); } catch (OperationCanceledException) { return; }
        }
    }

    private PendingTask Next(string frameworkId, string taskId, TaskState state)
    {
        var task = new PendingTask(frameworkId, taskId, state, ByteString.CopyFrom(Guid.NewGuid().ToByteArray()));
        Generated.Enqueue((taskId, state, task.Uuid));
        return task;
    }

    /// <summary>Waits until every update generated so far has been acknowledged; false at the timeout.</summary>
    public async Task<bool> AllAcknowledgedAsync(TimeSpan timeout)
    {
        // The master forwards an ACKNOWLEDGE_UPDATE asynchronously: the scheduler may be gone before it lands here.
        var deadline = DateTime.UtcNow + timeout;
        while (!Generated.All(g => Acknowledged.ContainsKey(g.Uuid)))
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        await _agent.DisposeAsync();
        _stop.Dispose();
    }

    private sealed record PendingTask(string FrameworkId, string TaskId, TaskState State, ByteString Uuid)
    {
        public DateTime SentAt { get; set; } = DateTime.MinValue;
    }
}

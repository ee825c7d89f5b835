using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Executor.ExecutorApi;

/// <summary>
/// Tasks and updates the framework has not acknowledged yet: sent again with every SUBSCRIBE
/// (Mesos' <c>unacknowledged_tasks</c> and <c>unacknowledged_updates</c>). Thread-safe.
/// </summary>
public sealed class UpdateLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskInfo> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MesosTaskStatus> _updates = new(StringComparer.Ordinal);

    /// <summary>A task arrived.</summary>
    public void Launched(TaskInfo task)
    {
        lock (_lock) _tasks[task.TaskId.Value] = task;
    }

    /// <summary>An update is about to be sent.</summary>
    public void Sending(MesosTaskStatus status)
    {
        lock (_lock) _updates[status.Uuid!.ToBase64()] = status;
    }

    /// <summary>ACKNOWLEDGED: forget the update and its task's launch.</summary>
    public void Acknowledged(ExecutorAcknowledgedEvent ack)
    {
        lock (_lock)
        {
            _updates.Remove(ack.Uuid.ToBase64());
            _tasks.Remove(ack.TaskId.Value);
        }
    }

    /// <summary>Whether any update is still unacknowledged.</summary>
    public bool HasUnacknowledged
    {
        get { lock (_lock) return _updates.Count > 0; }
    }

    /// <summary>The body of the next SUBSCRIBE.</summary>
    public ExecutorSubscribeCall Subscribe()
    {
        lock (_lock)
        {
            return new ExecutorSubscribeCall
            {
                UnacknowledgedTasks = [.. _tasks.Values],
                UnacknowledgedUpdates = [.. _updates.Values.Select(s => new ExecutorUpdateCall { Status = s })],
            };
        }
    }
}

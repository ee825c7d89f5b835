using System.Collections.Immutable;
using Tessera.Core.Protocol;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Pure state changes of one task. Every change appends a <see cref="TaskEvent"/> (time and
/// message); a move <see cref="TaskTransitions"/> does not allow is refused as data.
/// </summary>
public static class TaskStateMachine
{
    /// <summary>Moves <paramref name="task"/> to <paramref name="to"/>.</summary>
    public static TransitionResult Transition(ScheduledTask task, ScheduleStatus to, DateTimeOffset now, string message)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(message);
        if (task.Status == to)
            return new TransitionResult.Unchanged(task);
        if (!TaskTransitions.IsAllowed(task.Status, to))
        {
            var allowed = TaskTransitions.From(task.Status);
            var choices = allowed.Count == 0 ? "none: it is terminal" : string.Join(", ", allowed);
            return new TransitionResult.Refused(task, task.Status, to,
                $"task {task.TaskId} can't move from {task.Status} to {to} (allowed: {choices})");
        }
        var next = task with
        {
            Status = to,
            Events = (task.Events.IsDefault ? ImmutableArray<TaskEvent>.Empty : task.Events).Add(new TaskEvent(now, to, message)),
            ThrottledUntil = to == ScheduleStatus.THROTTLED ? task.ThrottledUntil : null,
        };
        return new TransitionResult.Changed(next);
    }

    /// <summary>PENDING → ASSIGNED on <paramref name="agentId"/>, recording the host and the ports picked.</summary>
    public static TransitionResult Assign(
        ScheduledTask task, string agentId, string hostname, ImmutableSortedDictionary<string, int> ports, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var result = Transition(task, ScheduleStatus.ASSIGNED, now, $"assigned to {hostname} ({agentId})");
        return result is TransitionResult.Changed changed
            ? new TransitionResult.Changed(changed.Task with { AgentId = agentId, Hostname = hostname, AssignedPorts = ports })
            : result;
    }

    /// <summary>INIT → THROTTLED until <paramref name="until"/>.</summary>
    public static TransitionResult Throttle(ScheduledTask task, DateTimeOffset until, DateTimeOffset now, string message)
    {
        ArgumentNullException.ThrowIfNull(task);
        var result = Transition(task with { ThrottledUntil = until }, ScheduleStatus.THROTTLED, now, message);
        return result is TransitionResult.Refused refused
            ? new TransitionResult.Refused(task, refused.From, refused.To, refused.Reason)
            : result;
    }

    /// <summary>
    /// A user's kill: a PENDING, THROTTLED or INIT task is deleted, a task on an agent goes
    /// KILLING (the caller sends the kill), a terminal or already KILLING task is unchanged.
    /// </summary>
    public static TransitionResult Kill(ScheduledTask task, DateTimeOffset now, string message)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            ScheduleStatus.INIT or ScheduleStatus.PENDING or ScheduleStatus.THROTTLED => new TransitionResult.Deleted(task),
            _ when task.Status.IsTerminal() => new TransitionResult.Unchanged(task),
            _ => Transition(task, ScheduleStatus.KILLING, now, message),
        };
    }

    /// <summary>Applies a Mesos status update (see <see cref="MesosStatusMapping"/>).</summary>
    public static TransitionResult ApplyUpdate(ScheduledTask task, TaskState update, DateTimeOffset now, string? message)
    {
        ArgumentNullException.ThrowIfNull(task);
        var target = MesosStatusMapping.Target(update, task.Status);
        if (target is null)
            return new TransitionResult.Unchanged(task);
        var text = string.IsNullOrEmpty(message) ? update.ToString() : $"{update}: {message}";
        return Transition(task, target.Value, now, text);
    }
}

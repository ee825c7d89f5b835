using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Aurora's rules for replacing a task that ended (pure; ids and time come from the caller):
/// <list type="bullet">
/// <item>a task that was ever KILLING (a user's kill) is never replaced;</item>
/// <item>one that was RESTARTING, DRAINING or PREEMPTING always is;</item>
/// <item>FINISHED: only services; FAILED: services, <c>max_task_failures</c> = -1, or while the
/// failures so far are under max − 1; LOST, and KILLED without a user's kill: always.</item>
/// </list>
/// The replacement carries the ancestor id, the failure count (plus one for FAILED) and the count
/// of consecutive flaps, and waits THROTTLED for <see cref="FlappingPenalty"/> when it flapped.
/// </summary>
public static class ReschedulePolicy
{
    /// <summary>A new instance's first task: PENDING at once.</summary>
    public static ScheduledTask Initial(string taskId, TaskSpec spec, DateTimeOffset now)
    {
        var created = ScheduledTask.Create(taskId, spec, now);
        return ((TransitionResult.Changed)TaskStateMachine.Transition(created, ScheduleStatus.PENDING, now, "created")).Task;
    }

    /// <summary>Decides whether <paramref name="ended"/> is replaced; the replacement gets <paramref name="newTaskId"/>.</summary>
    public static RescheduleDecision Decide(ScheduledTask ended, string newTaskId, DateTimeOffset now, FlappingSettings? flapping = null)
    {
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentException.ThrowIfNullOrEmpty(newTaskId);
        if (!ended.Status.IsTerminal())
            return new RescheduleDecision.NotRescheduled($"task is {ended.Status}, not terminal");
        if (ended.WasEver(ScheduleStatus.KILLING))
            return new RescheduleDecision.NotRescheduled("killed on request");

        var spec = ended.Spec;
        var interrupted = ended.WasEver(ScheduleStatus.RESTARTING) ? "restarting"
            : ended.WasEver(ScheduleStatus.DRAINING) ? "draining"
            : ended.WasEver(ScheduleStatus.PREEMPTING) ? "preempted"
            : null;
        string? why = interrupted is not null ? $"{ended.Status} while {interrupted}"
            : ended.Status switch
            {
                ScheduleStatus.FINISHED when spec.IsService => "service FINISHED",
                ScheduleStatus.FAILED when spec.IsService => "service FAILED",
                ScheduleStatus.FAILED when spec.MaxTaskFailures < 0 => "FAILED, max_task_failures is unlimited",
                ScheduleStatus.FAILED when ended.FailureCount < spec.MaxTaskFailures - 1 => string.Create(CultureInfo.InvariantCulture,
                    $"FAILED ({ended.FailureCount + 1} of max_task_failures {spec.MaxTaskFailures})"),
                ScheduleStatus.LOST => "LOST",
                ScheduleStatus.KILLED => "KILLED outside a user's kill",
                _ => null,
            };
        if (why is null)
        {
            return new RescheduleDecision.NotRescheduled(ended.Status == ScheduleStatus.FAILED
                ? string.Create(CultureInfo.InvariantCulture,
                    $"FAILED {ended.FailureCount + 1} times, max_task_failures is {spec.MaxTaskFailures}")
                : $"{ended.Status} and not a service");
        }

        var flapped = FlappingPenalty.Flapped(ended, flapping);
        var flaps = flapped ? ended.ConsecutiveFlaps + 1 : 0;
        var created = ScheduledTask.Create(newTaskId, spec, now, $"rescheduled from {ended.TaskId}: {why}") with
        {
            AncestorId = ended.TaskId,
            FailureCount = ended.FailureCount + (ended.Status == ScheduleStatus.FAILED ? 1 : 0),
            ConsecutiveFlaps = flaps,
        };
        var penalty = FlappingPenalty.For(flaps, flapping);
        if (penalty == TimeSpan.Zero)
        {
            var pending = TaskStateMachine.Transition(created, ScheduleStatus.PENDING, now, why);
            return new RescheduleDecision.Rescheduled(pending.Task, TimeSpan.Zero, why);
        }
        var until = now + penalty;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{why}; flapped {flaps} time(s) in a row, throttled for {penalty.TotalSeconds:0} s");
        var throttled = TaskStateMachine.Throttle(created, until, now, message);
        return new RescheduleDecision.Rescheduled(throttled.Task, penalty, message);
    }
}

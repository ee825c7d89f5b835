using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>
/// Aurora's job update, decided from a snapshot and <c>now</c> (pure; the host stores the next
/// update with the tasks the actions change, then sends the kills):
/// <list type="bullet">
/// <item>paused and ended updates do nothing; with <c>pulse_interval_secs</c>, an update with no
/// pulse within the interval blocks (AWAITING_PULSE) until the next pulse;</item>
/// <item>instances in progress are judged by <see cref="InstanceEvaluator"/>;</item>
/// <item>more than <c>max_total_failures</c> failed instances fail the direction: going forward
/// with <c>rollback_on_failure</c>, the instances touched roll back in reverse order with the same
/// batching; otherwise the update ends FAILED. Actions decided in that pass are dropped;</item>
/// <item>then the strategy starts instances: the queue keeps its window full, batches start
/// together once the previous batch has ended (pausing first with <c>autopause_after_batch</c>);</item>
/// <item>once every instance has ended the update is ROLLED_FORWARD (or ROLLED_BACK).</item>
/// </list>
/// </summary>
public static class UpdateEvaluator
{
    /// <summary>
    /// The decision for <paramref name="update"/> at <paramref name="now"/>, given the job's tasks (any state).
    /// </summary>
    public static UpdateDecision Decide(JobUpdate update, IReadOnlyList<ScheduledTask> jobTasks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(jobTasks);
        if (!update.Status.IsActive() || update.Status.IsPaused()) return new UpdateDecision(update, []);
        var forward = update.Status.IsForward();
        if (PulseOverdue(update, now))
        {
            return update.Status.IsAwaitingPulse() ? new UpdateDecision(update, [])
                : new UpdateDecision(update.WithStatus(UpdateStatuses.AwaitingPulse(forward), now, string.Create(
                    CultureInfo.InvariantCulture,
                    $"no pulse for {update.Settings.PulseIntervalSecs} s: blocked until the next")), []);
        }
        if (update.Status.IsAwaitingPulse()) return new UpdateDecision(update, []);

        var pass = new UpdatePass(update, jobTasks, now);
        pass.FollowWorking();
        if (pass.FailedCount > update.Settings.MaxTotalFailures)
            return forward && update.Settings.RollbackOnFailure ? RollBack(pass, jobTasks, now) : Fail(pass, now);
        while (pass.StartNext()) { }
        return pass.Finish();
    }

    /// <summary>Whether a pulse is due: the update has a pulse interval and had no pulse within it.</summary>
    public static bool PulseOverdue(JobUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.Settings.PulseIntervalSecs is { } secs
            && (update.LastPulseAt is not { } last || now - last >= TimeSpan.FromSeconds(secs));
    }

    /// <summary>
    /// Turns <paramref name="update"/> around: the instances it touched (in reverse order, each
    /// waiting again) go back to their original config, ROLLING_BACK from <paramref name="now"/>.
    /// </summary>
    public static JobUpdate StartRollback(JobUpdate update, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(update);
        var touched = update.Instances.Where(p => p.Phase != InstancePhase.Waiting).Reverse()
            .Select(p => new InstanceProgress(p.Instance, InstancePhase.Waiting)).ToImmutableArray();
        return update.WithStatus(UpdateStatus.ROLLING_BACK, now,
            $"{reason}; rolling back {Wording.Plural(touched.Length, "instance")}")
            with { Instances = touched, PausedBeforeBatch = 0 };
    }

    private static UpdateDecision RollBack(UpdatePass pass, IReadOnlyList<ScheduledTask> jobTasks, DateTimeOffset now)
    {
        var back = StartRollback(pass.Snapshot(), now, pass.FailureSummary());
        var decided = Decide(back, jobTasks, now);
        return decided.Next == back ? new UpdateDecision(back, []) : decided;
    }

    private static UpdateDecision Fail(UpdatePass pass, DateTimeOffset now)
    {
        var failed = pass.Snapshot();
        var why = pass.FailureSummary() + (failed.Status.IsForward() ? "; rollback_on_failure is off" : "");
        return new UpdateDecision(failed.WithStatus(UpdateStatus.FAILED, now, why), []);
    }
}

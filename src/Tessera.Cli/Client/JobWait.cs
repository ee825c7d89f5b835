using System.Globalization;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Client;

/// <summary>What <c>job create --wait-until</c> waits for, as Aurora's client: PENDING, RUNNING or FINISHED.</summary>
internal enum WaitUntil
{
    PENDING,
    RUNNING,
    FINISHED,
}

/// <summary>Where a wait stands after one look at the job: still waiting, reached, or can't be reached any more.</summary>
internal sealed record WaitCheck(bool Done, string? Failure, string Progress);

/// <summary>The pure part of <c>--wait-until</c>: one job status in, whether the wait is over out.</summary>
internal static class JobWait
{
    /// <summary>
    /// PENDING: every instance has a task. RUNNING: every instance RUNNING or already FINISHED
    /// (Aurora's "running or finished": a short batch instance may be done before the others
    /// run); failed once every instance has ended and not all FINISHED.
    /// FINISHED: every instance ended; failed unless each ended FINISHED.
    /// </summary>
    public static WaitCheck Check(JobStatus status, WaitUntil target)
    {
        var states = status.InstanceStatuses.Select(i => i.Status).ToList();
        var progress = Progress(status);
        var allEnded = states.Count > 0 && states.All(s => s is { } v && v.IsTerminal());
        return target switch
        {
            WaitUntil.PENDING => new WaitCheck(states.Count == status.Instances && states.All(s => s is not null), null, progress),
            WaitUntil.RUNNING when states.Count == status.Instances && states.All(s => s is ScheduleStatus.RUNNING or ScheduleStatus.FINISHED)
                && !allEnded => new WaitCheck(true, null, progress),
            WaitUntil.RUNNING when allEnded && states.All(s => s == ScheduleStatus.FINISHED) => new WaitCheck(true, null, progress),
            WaitUntil.RUNNING when allEnded => new WaitCheck(true, $"every instance ended before RUNNING ({progress})", progress),
            WaitUntil.FINISHED when allEnded && states.All(s => s == ScheduleStatus.FINISHED) => new WaitCheck(true, null, progress),
            WaitUntil.FINISHED when allEnded => new WaitCheck(true, $"not every instance FINISHED ({progress})", progress),
            _ => new WaitCheck(false, null, progress),
        };
    }

    /// <summary>"RUNNING 2, PENDING 1 (instance 2: insufficient ram: …)": the count per state and the first pending reason.</summary>
    public static string Progress(JobStatus status)
    {
        var counts = string.Join(", ", status.InstanceStatuses.GroupBy(i => i.Status?.ToString() ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));
        var waiting = status.InstanceStatuses.FirstOrDefault(i => i.PendingReason is not null);
        return waiting is null ? counts : string.Create(CultureInfo.InvariantCulture, $"{counts} (instance {waiting.Instance}: {waiting.PendingReason})");
    }
}

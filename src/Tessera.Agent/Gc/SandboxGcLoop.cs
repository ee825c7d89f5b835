using Microsoft.Extensions.Logging;
using Tessera.Core.Flags;

namespace Tessera.Agent.Gc;

/// <summary>
/// The host side of the sandbox GC: takes the schedule from the agent loop, measures the disk,
/// asks <see cref="SandboxGcPlanner"/>, deletes off the loop and reports what is done back to it.
/// It wakes when the next folder is due, every <c>--disk-watch-interval</c> (the disk may have
/// filled up), and when something new was scheduled. Timers run on the agent's clock.
/// </summary>
internal sealed partial class SandboxGcLoop(AgentRuntime rt, GcPolicy policy, TimeSpan diskWatchInterval, IReadOnlyList<GcRoot> roots, Func<double?> diskUsage, ILogger log)
{
    public static SandboxGcLoop For(AgentRuntime rt, ILogger log)
    {
        var workDir = rt.Options.WorkDir;
        return new SandboxGcLoop(rt, new GcPolicy(rt.Options.GcDelay, rt.Options.GcDiskHeadroom), rt.Options.DiskWatchInterval,
            GcRoot.All(workDir), () => DiskUsage.Of(workDir), log);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = await RunOnceAsync(ct);
                var wait = diskWatchInterval;
                if (next is { } due && due - rt.Clock.GetUtcNow() < wait) wait = due - rt.Clock.GetUtcNow();
                if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
                using var woken = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var nudge = rt.Gc.Nudges.WaitToReadAsync(woken.Token).AsTask();
                await Task.WhenAny(Task.Delay(wait, rt.Clock, woken.Token), nudge);
                await woken.CancelAsync();
                ct.ThrowIfCancellationRequested();
                while (rt.Gc.Nudges.TryRead(out _)) { }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // The agent loop has stopped.
        }
    }

    /// <summary>One pass; returns when the next scheduled folder is due (null: nothing scheduled).</summary>
    public async Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct)
    {
        var scheduled = await rt.AskAsync(r => r.Gc.Snapshot(), ct);
        if (scheduled.Count == 0) return null;
        var usage = diskUsage();
        var plan = SandboxGcPlanner.Decide(scheduled, usage, rt.Clock.GetUtcNow(), policy);
        if (plan.Remove.Count == 0) return plan.NextDue;
        var removed = 0;
        foreach (var path in plan.Remove)
        {
            if (SandboxRemover.Remove(path, roots) is { } why) LogRefused(log, path, why);
            else removed++;
        }
        // Refused ones are dropped too: trying again would refuse again.
        await rt.AskAsync(r => { r.Gc.Done(plan.Remove); return 0; }, ct);
        LogPruned(log, removed, DurationText.Format(plan.MaxAge), usage is { } u ? u.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "unknown");
        return plan.NextDue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gc: removed {Count} folder(s) older than {MaxAge} (disk usage {Usage})")]
    private static partial void LogPruned(ILogger logger, int count, string maxAge, string usage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gc: not removing {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}

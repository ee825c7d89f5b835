using System.Globalization;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Client;

/// <summary>
/// The text of <c>tessera job status</c>: a header line, the latest rolling restart and update, then
/// one row per instance with its config version; pending ones say why.
/// </summary>
internal static class JobText
{
    public static void WriteStatus(TextWriter output, JobStatus status)
    {
        var r = status.Resources;
        var resources = r is null ? "" : string.Create(CultureInfo.InvariantCulture, $", cpus {r.Cpus:0.###}, ram {r.RamMb} MB, disk {r.DiskMb} MB");
        output.WriteLine($"job {status.Key}: {status.Instances} instance(s){resources}{(status.IsService ? ", service" : "")}");
        if (status.Contact is { } contact) output.WriteLine($"contact: {contact}");
        if (status.Command is { } command) output.WriteLine($"command: {command}");
        if (status.Restart is { } restart) WriteRestart(output, restart);
        if (status.Update is { } update) output.WriteLine($"{UpdateText.Headline(update)}: {update.Reason}");
        Table.Write(output, ["INSTANCE", "STATUS", "CONFIG", "HOST", "SINCE", "TASK", "WHY"], status.InstanceStatuses.Select(i => (IReadOnlyList<string>)
        [
            i.Instance.ToString(CultureInfo.InvariantCulture),
            i.Status?.ToString() ?? "-",
            i.ConfigVersion ?? "-",
            i.Hostname ?? "-",
            i.Since?.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
            i.TaskId ?? "-",
            i.PendingReason ?? (i.Events.IsDefaultOrEmpty ? "" : i.Events[^1].Message),
        ]));
    }

    /// <summary>
    /// The restart section: its state and settings, where the instances are, one line per instance
    /// in flight, failed or skipped, and how it ended.
    /// </summary>
    public static void WriteRestart(TextWriter output, RestartStatus restart)
    {
        var s = restart.Settings;
        var ended = restart.EndedAt is { } at ? $", ended {Clock(at)}" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restart {State(restart.State)}: batch {s.BatchSize}, watch {s.WatchSecs} s, max failures {s.MaxPerInstanceFailures} per instance and {s.MaxTotalFailures} in total; started {Clock(restart.StartedAt)}{ended}"));
        output.WriteLine("  " + RestartProgress(restart));
        foreach (var f in restart.InFlight)
        {
            var watched = f.WatchedSecs is { } w ? string.Create(CultureInfo.InvariantCulture, $", running healthy {w:0.#} of {s.WatchSecs} s") : "";
            var failures = f.Failures > 0 ? string.Create(CultureInfo.InvariantCulture, $", {f.Failures} failed replacement(s)") : "";
            var task = f.TaskId == f.RestartedTaskId ? $"{f.TaskId} {f.Status} (being replaced)" : $"{f.TaskId ?? "-"} {f.Status?.ToString() ?? "-"}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  instance {f.Instance}: {task}{watched}{failures}"));
        }
        foreach (var f in restart.Failed)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  instance {f.Instance} failed: {f.Reason}"));
        foreach (var k in restart.Skipped)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  instance {k.Instance} skipped: {k.Reason}"));
        if (restart.Reason is { } reason) output.WriteLine($"  {State(restart.State)}: {reason}");
    }

    /// <summary>One line of counts and instances: done, in flight, remaining, failed, skipped.</summary>
    public static string RestartProgress(RestartStatus restart) => string.Join("; ", new[]
    {
        Part("done", restart.Done),
        Part("in flight", [.. restart.InFlight.Select(f => f.Instance)]),
        Part("remaining", restart.Remaining),
        Part("failed", [.. restart.Failed.Select(f => f.Instance)]),
        Part("skipped", [.. restart.Skipped.Select(f => f.Instance)]),
    });

    /// <summary>An API rule (<c>batch_size: must be …</c>) named by its CLI option (<c>--batch-size: must be …</c>).</summary>
    public static string AsOption(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? problem : "--" + problem[..colon].Replace('_', '-') + problem[colon..];
    }

    private static string Part(string name, IReadOnlyCollection<int> instances) =>
        instances.Count == 0 ? $"{name} 0" : string.Create(CultureInfo.InvariantCulture, $"{name} {instances.Count} ({string.Join(",", instances)})");

    private static string State(Tessera.Jobs.Scheduling.RolloutPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

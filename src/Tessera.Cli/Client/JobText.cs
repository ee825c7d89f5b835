using System.Globalization;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Client;

/// <summary>The text of <c>tessera job status</c>: a header line, then one row per instance; pending ones say why.</summary>
internal static class JobText
{
    public static void WriteStatus(TextWriter output, JobStatus status)
    {
        var r = status.Resources;
        var resources = r is null ? "" : string.Create(CultureInfo.InvariantCulture, $", cpus {r.Cpus:0.###}, ram {r.RamMb} MB, disk {r.DiskMb} MB");
        output.WriteLine($"job {status.Key}: {status.Instances} instance(s){resources}{(status.IsService ? ", service" : "")}");
        if (status.Command is { } command) output.WriteLine($"command: {command}");
        if (status.Rollout is { } rollout) output.WriteLine(rollout);
        Table.Write(output, ["INSTANCE", "STATUS", "HOST", "SINCE", "TASK", "WHY"], status.InstanceStatuses.Select(i => (IReadOnlyList<string>)
        [
            i.Instance.ToString(CultureInfo.InvariantCulture),
            i.Status?.ToString() ?? "-",
            i.Hostname ?? "-",
            i.Since?.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
            i.TaskId ?? "-",
            i.PendingReason ?? (i.Events.IsDefaultOrEmpty ? "" : i.Events[^1].Message),
        ]));
    }
}

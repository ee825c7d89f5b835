using System.Globalization;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Client;

/// <summary>
/// The text of <c>tessera job status</c>: a header line, the active (else latest) update, then
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

    /// <summary>An API rule (<c>batch_size: must be …</c>) named by its CLI option (<c>--batch-size: must be …</c>).</summary>
    public static string AsOption(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? problem : "--" + problem[..colon].Replace('_', '-') + problem[colon..];
    }
}

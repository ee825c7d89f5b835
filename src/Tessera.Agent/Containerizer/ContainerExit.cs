using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// How a container ended: an exit code or a signal, and the limit the isolation enforced, if one
/// did. The limitation comes from the cgroup's counters, not the exit status: under a pid
/// namespace an OOM-killed task's parent reports an ordinary failure.
/// </summary>
internal sealed record ContainerExit(int? ExitCode, int? Signal, ContainerLimitation? Limitation = null, string? LaunchError = null)
{
    /// <summary>The shell convention: 128 + signal for a signalled process.</summary>
    public int Status => ExitCode ?? 128 + (Signal ?? 0);

    public static ContainerExit FromShellStatus(int status) =>
        status > 128 && status < 160 ? new ContainerExit(null, status - 128) : new ContainerExit(status, null);

    /// <summary>Reads the launcher's status file: "exit N", "signal N" or "error MESSAGE"; null when it is missing or garbled.</summary>
    public static ContainerExit? FromStatusText(string? text)
    {
        if (text is null) return null;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return null;
        var (kind, value) = (text[..space], text[(space + 1)..].Trim());
        return kind switch
        {
            "exit" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var code) => new ContainerExit(code, null),
            "signal" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var signal) => new ContainerExit(null, signal),
            "error" => new ContainerExit(null, null, LaunchError: value),
            _ => null,
        };
    }
}

/// <summary>A limit that ended the container (the Mesos reason and a message with the amounts).</summary>
internal sealed record ContainerLimitation(TaskStatusReason Reason, string Message);

/// <summary>Usage counters of a container, as far as the isolation measures them.</summary>
internal sealed record ContainerUsage
{
    public double? CpuSeconds { get; init; }
    public double? CpuUserSeconds { get; init; }
    public double? CpuSystemSeconds { get; init; }
    public long? MemBytes { get; init; }
    public long? MemLimitBytes { get; init; }
    public long? MemMaxBytes { get; init; }
    public int? Processes { get; init; }
    public double? CpuShares { get; init; }
    public double? CpuQuotaCpus { get; init; }
}

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ResourceStatistics</c>: a container's usage at <see cref="Timestamp"/> (the fields Tessera measures).</summary>
public sealed record ResourceStatistics
{
    /// <summary>When it was measured (seconds since the epoch).</summary>
    public required double Timestamp { get; init; }

    /// <summary>Processes in the container.</summary>
    public int? Processes { get; init; }

    /// <summary>Threads in the container.</summary>
    public int? Threads { get; init; }

    /// <summary>CPU time in user mode.</summary>
    public double? CpusUserTimeSecs { get; init; }

    /// <summary>CPU time in kernel mode.</summary>
    public double? CpusSystemTimeSecs { get; init; }

    /// <summary>The CPUs the container was given.</summary>
    public double? CpusLimit { get; init; }

    /// <summary>CFS periods elapsed.</summary>
    public int? CpusNrPeriods { get; init; }

    /// <summary>CFS periods throttled.</summary>
    public int? CpusNrThrottled { get; init; }

    /// <summary>Time throttled.</summary>
    public double? CpusThrottledTimeSecs { get; init; }

    /// <summary>Memory in use (page cache included).</summary>
    public long? MemTotalBytes { get; init; }

    /// <summary>Resident memory.</summary>
    public long? MemRssBytes { get; init; }

    /// <summary>The memory limit.</summary>
    public long? MemLimitBytes { get; init; }

    /// <summary>The soft memory limit.</summary>
    public long? MemSoftLimitBytes { get; init; }

    /// <summary>Peak memory.</summary>
    public long? MemMaxBytes { get; init; }

    /// <summary>Disk the sandbox holds.</summary>
    public long? DiskUsedBytes { get; init; }

    /// <summary>The disk limit.</summary>
    public long? DiskLimitBytes { get; init; }
}

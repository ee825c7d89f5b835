namespace Tessera.Executor.Thermos;

/// <summary>What the runner knows about one process: its status and its runs so far.</summary>
public sealed record ProcessRecord
{
    /// <summary>The process.</summary>
    public required string Name { get; init; }

    /// <summary>Its status.</summary>
    public ProcessStatus Status { get; init; } = ProcessStatus.Waiting;

    /// <summary>Runs started so far; the next run's number (logs go to <c>.logs/&lt;name&gt;/&lt;run&gt;/</c>).</summary>
    public int Runs { get; init; }

    /// <summary>Failed runs so far.</summary>
    public int Failures { get; init; }

    /// <summary>When the last run started.</summary>
    public DateTimeOffset? LastStartedAt { get; init; }

    /// <summary>When the last run ended.</summary>
    public DateTimeOffset? LastEndedAt { get; init; }

    /// <summary>The last run's exit status (128 + n for signal n).</summary>
    public int? LastExitCode { get; init; }

    /// <summary>The process group (= pid of <c>sh</c>) of the run in progress.</summary>
    public int? Pid { get; init; }

    /// <summary>When SIGTERM was sent to the run in progress.</summary>
    public DateTimeOffset? TerminatedAt { get; init; }

    /// <summary>Whether SIGKILL was sent to the run in progress.</summary>
    public bool KillSent { get; init; }

    /// <summary>Running and not yet told to stop.</summary>
    public bool IsRunning => Status == ProcessStatus.Running;
}

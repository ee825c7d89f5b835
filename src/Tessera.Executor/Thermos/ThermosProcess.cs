namespace Tessera.Executor.Thermos;

/// <summary>One process of a Thermos task (Aurora's <c>Process</c>), defaults as Aurora's schema.</summary>
public sealed record ThermosProcess
{
    /// <summary>Unique in the task; no leading '.', no '/'.</summary>
    public required string Name { get; init; }

    /// <summary>Run with <c>sh -c</c> in the sandbox.</summary>
    public required string Cmdline { get; init; }

    /// <summary>Failed runs allowed before the process has failed for good; 0 = retry forever.</summary>
    public int MaxFailures { get; init; } = 1;

    /// <summary>Run again after a success (failures still count).</summary>
    public bool Daemon { get; init; }

    /// <summary>Not needed for the task to succeed.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>The least time between two starts of the process.</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Runs in FINALIZING, after the regular processes have ended.</summary>
    public bool Final { get; init; }
}

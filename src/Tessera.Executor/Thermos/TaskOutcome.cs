namespace Tessera.Executor.Thermos;

/// <summary>How a task ended (Thermos' SUCCESS, FAILED, KILLED).</summary>
public enum TaskOutcome
{
    /// <summary>All non-ephemeral regular processes succeeded (or failed within the task's <c>max_failures</c>).</summary>
    Succeeded,

    /// <summary>Too many processes failed for good, or the task deadlocked.</summary>
    Failed,

    /// <summary>Killed (KILL or SHUTDOWN).</summary>
    Killed,
}

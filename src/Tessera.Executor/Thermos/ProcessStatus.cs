namespace Tessera.Executor.Thermos;

/// <summary>Where a process stands (Thermos' WAITING, RUNNING, SUCCESS, FAILED, KILLED; FORKED is folded into RUNNING, LOST back into WAITING).</summary>
public enum ProcessStatus
{
    /// <summary>Not running; will start when its predecessors have succeeded (or to run again).</summary>
    Waiting,

    /// <summary>A run is in progress.</summary>
    Running,

    /// <summary>Its last run succeeded and it won't run again.</summary>
    Succeeded,

    /// <summary>It used up its <c>max_failures</c>.</summary>
    Failed,

    /// <summary>Stopped by teardown.</summary>
    Killed,
}

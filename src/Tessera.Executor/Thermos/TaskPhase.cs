namespace Tessera.Executor.Thermos;

/// <summary>The task's phase (Thermos' ACTIVE, CLEANING, FINALIZING, then a terminal state).</summary>
public enum TaskPhase
{
    /// <summary>Regular processes run.</summary>
    Active,

    /// <summary>Regular processes that still run get SIGTERM (then SIGKILL).</summary>
    Cleaning,

    /// <summary>The final processes run.</summary>
    Finalizing,

    /// <summary>Done; see <see cref="TaskSnapshot.Outcome"/>.</summary>
    Ended,
}

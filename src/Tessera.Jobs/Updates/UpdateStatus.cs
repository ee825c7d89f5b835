namespace Tessera.Jobs.Updates;

/// <summary>Where a job update is: Aurora's <c>JobUpdateStatus</c>, with the same names.</summary>
public enum UpdateStatus
{
    ROLLING_FORWARD,
    ROLLING_BACK,
    ROLL_FORWARD_PAUSED,
    ROLL_BACK_PAUSED,
    ROLL_FORWARD_AWAITING_PULSE,
    ROLL_BACK_AWAITING_PULSE,
    ROLLED_FORWARD,
    ROLLED_BACK,
    ABORTED,
    ERROR,
    FAILED,
}

/// <summary>What each <see cref="UpdateStatus"/> means for the update's life.</summary>
public static class UpdateStatuses
{
    /// <summary>Not ended: the job's one active update (rolling, paused or awaiting a pulse).</summary>
    public static bool IsActive(this UpdateStatus status) => status is UpdateStatus.ROLLING_FORWARD
        or UpdateStatus.ROLLING_BACK or UpdateStatus.ROLL_FORWARD_PAUSED or UpdateStatus.ROLL_BACK_PAUSED
        or UpdateStatus.ROLL_FORWARD_AWAITING_PULSE or UpdateStatus.ROLL_BACK_AWAITING_PULSE;

    /// <summary>Going from the old config to the new one (rolling, paused or blocked).</summary>
    public static bool IsForward(this UpdateStatus status) => status is UpdateStatus.ROLLING_FORWARD
        or UpdateStatus.ROLL_FORWARD_PAUSED or UpdateStatus.ROLL_FORWARD_AWAITING_PULSE;

    /// <summary>Moving instances now (not paused, not waiting for a pulse).</summary>
    public static bool IsRolling(this UpdateStatus status) =>
        status is UpdateStatus.ROLLING_FORWARD or UpdateStatus.ROLLING_BACK;

    /// <summary>Paused by hand or after a batch.</summary>
    public static bool IsPaused(this UpdateStatus status) =>
        status is UpdateStatus.ROLL_FORWARD_PAUSED or UpdateStatus.ROLL_BACK_PAUSED;

    /// <summary>Blocked until the next pulse.</summary>
    public static bool IsAwaitingPulse(this UpdateStatus status) =>
        status is UpdateStatus.ROLL_FORWARD_AWAITING_PULSE or UpdateStatus.ROLL_BACK_AWAITING_PULSE;

    /// <summary>The rolling status of the same direction.</summary>
    public static UpdateStatus Rolling(bool forward) =>
        forward ? UpdateStatus.ROLLING_FORWARD : UpdateStatus.ROLLING_BACK;

    /// <summary>The paused status of the same direction.</summary>
    public static UpdateStatus Paused(bool forward) =>
        forward ? UpdateStatus.ROLL_FORWARD_PAUSED : UpdateStatus.ROLL_BACK_PAUSED;

    /// <summary>The blocked-on-pulse status of the same direction.</summary>
    public static UpdateStatus AwaitingPulse(bool forward) =>
        forward ? UpdateStatus.ROLL_FORWARD_AWAITING_PULSE : UpdateStatus.ROLL_BACK_AWAITING_PULSE;

    /// <summary>
    /// Parses a status name as Aurora writes it (any case), or a group: active, paused, blocked, ended.
    /// </summary>
    public static bool Matches(this UpdateStatus status, string filter) => filter.ToLowerInvariant() switch
    {
        "active" => status.IsActive(),
        "paused" => status.IsPaused(),
        "blocked" => status.IsAwaitingPulse(),
        "ended" => !status.IsActive(),
        "failed" => status is UpdateStatus.FAILED or UpdateStatus.ERROR or UpdateStatus.ROLLED_BACK,
        "succeeded" => status == UpdateStatus.ROLLED_FORWARD,
        var name => string.Equals(status.ToString(), name, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The filters <see cref="Matches"/> takes besides the status names.</summary>
    public static readonly string[] Groups = ["active", "paused", "blocked", "ended", "failed", "succeeded"];
}

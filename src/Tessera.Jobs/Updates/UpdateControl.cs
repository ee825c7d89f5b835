namespace Tessera.Jobs.Updates;

/// <summary>
/// The requests that steer an update (Aurora's pause, resume, abort, rollback and pulse), as pure
/// moves: the changed update, or why the move is refused.
/// </summary>
public static class UpdateControl
{
    /// <summary>Pauses a rolling (or blocked) update; instances in progress are left as they are.</summary>
    public static ControlResult Pause(JobUpdate update, DateTimeOffset now) =>
        !update.Status.IsActive() ? Ended(update)
        : update.Status.IsPaused() ? Refused(update, "is already paused")
        : Ok(update.WithStatus(UpdateStatuses.Paused(update.Status.IsForward()), now, "paused on request"));

    /// <summary>Resumes a paused update (it blocks again at once when a pulse is overdue).</summary>
    public static ControlResult Resume(JobUpdate update, DateTimeOffset now) =>
        !update.Status.IsActive() ? Ended(update)
        : !update.Status.IsPaused() ? Refused(update, "is not paused")
        : Ok(update.WithStatus(UpdateStatuses.Rolling(update.Status.IsForward()), now, "resumed on request"));

    /// <summary>Ends the update where it is: instances on the new config stay on it.</summary>
    public static ControlResult Abort(JobUpdate update, DateTimeOffset now) =>
        !update.Status.IsActive() ? Ended(update)
        : Ok(update.WithStatus(UpdateStatus.ABORTED, now, "aborted on request"));

    /// <summary>Rolls the instances touched so far back to their original config.</summary>
    public static ControlResult Rollback(JobUpdate update, DateTimeOffset now) =>
        !update.Status.IsActive() ? Ended(update)
        : update.Restart ? Refused(update, "is a restart: there is no other config to roll back to")
        : !update.Status.IsForward() ? Refused(update, "is already rolling back")
        : Ok(UpdateEvaluator.StartRollback(update, now, "rollback requested"));

    /// <summary>Records a pulse; an update blocked for want of one rolls on.</summary>
    public static ControlResult Pulse(JobUpdate update, DateTimeOffset now)
    {
        if (!update.Status.IsActive()) return Ended(update);
        var pulsed = update with { LastPulseAt = now };
        return Ok(update.Status.IsAwaitingPulse()
            ? pulsed.WithStatus(UpdateStatuses.Rolling(update.Status.IsForward()), now, "pulse received")
            : pulsed);
    }

    private static ControlResult Ok(JobUpdate update) => new ControlResult.Changed(update);

    private static ControlResult Refused(JobUpdate update, string why) =>
        new ControlResult.Refused($"update {update.Id} of {update.Job} {why} ({update.Status})");

    private static ControlResult Ended(JobUpdate update) =>
        new ControlResult.Refused($"update {update.Id} of {update.Job} has ended ({update.Status})");
}

/// <summary>What an <see cref="UpdateControl"/> move came to.</summary>
public abstract record ControlResult
{
    /// <summary>The update after the move.</summary>
    public sealed record Changed(JobUpdate Update) : ControlResult;

    /// <summary>The move does not apply to the update as it is; nothing changed.</summary>
    public sealed record Refused(string Reason) : ControlResult;
}

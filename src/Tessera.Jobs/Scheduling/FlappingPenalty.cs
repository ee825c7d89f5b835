namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Aurora's flapping penalty: a task that ended less than <see cref="Threshold"/> after it last
/// became active, and was never RESTARTING, KILLING or DRAINING, flapped. Its replacement waits
/// THROTTLED for <see cref="FlappingSettings.Initial"/> × 2^(n−1), capped at <see cref="FlappingSettings.Max"/>, where n counts the
/// ancestors in a row that flapped; one ancestor that ran for the threshold or longer resets n to 0.
/// </summary>
public static class FlappingPenalty
{
    /// <summary>Ran for less than this: flapped (Aurora's <c>flapping_task_threshold</c>).</summary>
    public static readonly TimeSpan Threshold = FlappingSettings.Default.Threshold;

    /// <summary>Whether the terminal task <paramref name="ended"/> flapped (<paramref name="settings"/>: the defaults when null).</summary>
    public static bool Flapped(ScheduledTask ended, FlappingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var threshold = (settings ?? FlappingSettings.Default).Threshold;
        if (!ended.Status.IsTerminal() || ended.Events.IsDefaultOrEmpty)
            return false;
        // Ended by someone's action, not by itself: no penalty.
        if (ended.WasEver(ScheduleStatus.RESTARTING) || ended.WasEver(ScheduleStatus.KILLING) || ended.WasEver(ScheduleStatus.DRAINING))
            return false;
        var end = ended.Events[^1].At;
        for (var i = ended.Events.Length - 2; i >= 0; i--)
        {
            if (ended.Events[i].Status.IsActive())
                return end - ended.Events[i].At < threshold;
        }
        return false;
    }

    /// <summary>The penalty after <paramref name="consecutiveFlaps"/> flapped ancestors (zero for none).</summary>
    public static TimeSpan For(int consecutiveFlaps, FlappingSettings? settings = null)
    {
        var (_, initial, max) = settings ?? FlappingSettings.Default;
        if (consecutiveFlaps <= 0)
            return TimeSpan.Zero;
        var penalty = initial;
        for (var i = 1; i < consecutiveFlaps && penalty < max; i++)
            penalty += penalty;
        return penalty < max ? penalty : max;
    }
}

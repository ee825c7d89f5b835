namespace Tessera.Jobs.Scheduling;

/// <summary>What follows a terminal task: a replacement (PENDING or THROTTLED) or nothing, with the reason.</summary>
public abstract record RescheduleDecision(string Reason)
{
    /// <summary>The instance is replaced by <paramref name="Replacement"/>, THROTTLED for <paramref name="Penalty"/> when it flapped.</summary>
    public sealed record Rescheduled(ScheduledTask Replacement, TimeSpan Penalty, string Reason) : RescheduleDecision(Reason);

    /// <summary>The instance stays ended.</summary>
    public sealed record NotRescheduled(string Reason) : RescheduleDecision(Reason);

    public sealed override string ToString() => Reason;
}

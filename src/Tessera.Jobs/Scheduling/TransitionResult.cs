namespace Tessera.Jobs.Scheduling;

/// <summary>
/// The outcome of asking a task to change state: <see cref="Changed"/> with the new task,
/// <see cref="Unchanged"/> (already there, e.g. a repeated status update), <see cref="Deleted"/>
/// (a PENDING or THROTTLED task killed) or <see cref="Refused"/> with the reason, as data.
/// </summary>
public abstract record TransitionResult
{
    private protected TransitionResult()
    {
    }

    /// <summary>The task after the change (the same task when unchanged or refused, the last state when deleted).</summary>
    public abstract ScheduledTask Task { get; }

    public sealed record Changed(ScheduledTask Task) : TransitionResult
    {
        public override ScheduledTask Task { get; } = Task;
    }

    public sealed record Unchanged(ScheduledTask Task) : TransitionResult
    {
        public override ScheduledTask Task { get; } = Task;
    }

    public sealed record Deleted(ScheduledTask Task) : TransitionResult
    {
        public override ScheduledTask Task { get; } = Task;
    }

    public sealed record Refused(ScheduledTask Task, ScheduleStatus From, ScheduleStatus To, string Reason) : TransitionResult
    {
        public override ScheduledTask Task { get; } = Task;

        public override string ToString() => Reason;
    }
}

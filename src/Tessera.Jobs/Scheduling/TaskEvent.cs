namespace Tessera.Jobs.Scheduling;

/// <summary>One entry of a task's history: the state it entered, when, and why.</summary>
public sealed record TaskEvent(DateTimeOffset At, ScheduleStatus Status, string Message);

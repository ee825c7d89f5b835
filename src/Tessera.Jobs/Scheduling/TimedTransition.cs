namespace Tessera.Jobs.Scheduling;

/// <summary>A state change that falls due by time: which task, from and to what, and why.</summary>
public sealed record TimedTransition(string TaskId, ScheduleStatus From, ScheduleStatus To, string Message);

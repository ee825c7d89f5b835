namespace Tessera.Jobs.Scheduling;

/// <summary>
/// An instance of a rolling restart in flight: the task it had when it was restarted (its
/// replacements are the tasks descended from it), when, and how many replacements failed so far.
/// </summary>
public sealed record RolloutInstance(int Instance, string RestartedTaskId, DateTimeOffset RestartedAt, int Failures = 0);

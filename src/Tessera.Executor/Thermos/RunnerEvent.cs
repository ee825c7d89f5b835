namespace Tessera.Executor.Thermos;

/// <summary>What wakes the runner's loop.</summary>
internal abstract record RunnerEvent;

/// <summary>A run ended.</summary>
internal sealed record RunExited(string Name, int Pid, int ExitCode) : RunnerEvent;

/// <summary>KILL or SHUTDOWN: tear the task down.</summary>
internal sealed record KillRequested : RunnerEvent;

/// <summary>The task is unhealthy: tear it down as failed.</summary>
internal sealed record FailRequested(string Message) : RunnerEvent;

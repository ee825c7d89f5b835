namespace Tessera.Executor.Thermos;

/// <summary>How a task ended and why, with its final state.</summary>
public sealed record TaskResult(TaskOutcome Outcome, string Message, TaskSnapshot Snapshot);

namespace Tessera.Executor.Thermos;

/// <summary>One thing <see cref="ProcessPlanner.Decide"/> asks the runner to do.</summary>
public abstract record PlanAction;

/// <summary>Start the next run of a process.</summary>
public sealed record StartProcess(string Name) : PlanAction;

/// <summary>SIGTERM the process group of a running process.</summary>
public sealed record TerminateProcess(string Name) : PlanAction;

/// <summary>SIGKILL the process group of a running process.</summary>
public sealed record KillProcess(string Name) : PlanAction;

/// <summary>ACTIVE → CLEANING: the task will end with <paramref name="Outcome"/>.</summary>
public sealed record BeginTeardown(TaskOutcome Outcome, string Message) : PlanAction;

/// <summary>CLEANING → FINALIZING: no regular process runs any more.</summary>
public sealed record BeginFinalizing : PlanAction;

/// <summary>The task has ended; nothing runs.</summary>
public sealed record EndTask(TaskOutcome Outcome, string Message) : PlanAction;

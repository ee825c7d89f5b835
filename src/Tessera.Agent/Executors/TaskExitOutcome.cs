using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Executors;

/// <summary>How a supervised task's container ending reads as a status: the state, reason, message and source.</summary>
internal sealed record TaskExitOutcome(TaskState State, TaskStatusReason? Reason, string Message, TaskStatusSource Source)
{
    public static TaskExitOutcome Of(ContainerExit exit, bool killRequested)
    {
        // A limit the isolation enforced explains the end better than the exit status does.
        if (exit.Limitation is { } limit) return new(TaskState.TASK_FAILED, limit.Reason, limit.Message, TaskStatusSource.SOURCE_AGENT);
        if (killRequested) return new(TaskState.TASK_KILLED, null, "Command terminated after a kill request", TaskStatusSource.SOURCE_EXECUTOR);
        if (exit.ExitCode == 0) return new(TaskState.TASK_FINISHED, null, "Command exited with status 0", TaskStatusSource.SOURCE_EXECUTOR);
        return exit.Signal is { } signal
            ? new(TaskState.TASK_FAILED, TaskStatusReason.REASON_COMMAND_EXECUTOR_FAILED, $"Command terminated with signal {signal}", TaskStatusSource.SOURCE_EXECUTOR)
            : new(TaskState.TASK_FAILED, TaskStatusReason.REASON_COMMAND_EXECUTOR_FAILED, $"Command exited with status {exit.ExitCode}", TaskStatusSource.SOURCE_EXECUTOR);
    }

    /// <summary>How an executor's end is told (its exit code or signal).</summary>
    public static string Describe(ContainerExit exit) =>
        exit.Limitation?.Message ?? (exit.Signal is { } signal ? $"terminated with signal {signal}" : $"exited with status {exit.ExitCode}");
}

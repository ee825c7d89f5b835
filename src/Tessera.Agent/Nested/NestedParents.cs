using Microsoft.AspNetCore.Http;
using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Nested;

/// <summary>
/// Finds the running container a nested session names as its parent: a command task's, a custom
/// executor's, or a task's of the DEFAULT executor. Runs on the agent loop. A container the agent
/// knows but whose task or executor has ended is refused like an unknown one (404), with why.
/// </summary>
internal static class NestedParents
{
    public static (NestedParent? Parent, NestedRefusal? Refusal) Find(AgentRuntime rt, string containerId)
    {
        foreach (var task in rt.Tasks.Values)
            if (task.Container?.Id == containerId)
                return task.IsTerminal
                    ? (null, Ended(containerId, $"task {task.TaskId} has ended"))
                    : (new NestedParent(task.Container, task.Sandbox, task.Info.Command?.User ?? task.Framework.User), null);
        foreach (var executor in rt.Executors.All)
        {
            if (executor.Container?.Id == containerId)
                return executor.State == Executors.ExecutorState.Terminated
                    ? (null, Ended(containerId, $"executor {executor.ExecutorId} has ended"))
                    : (new NestedParent(executor.Container, executor.Sandbox, executor.Info.Command?.User ?? executor.Framework.User), null);
            foreach (var task in executor.Tasks.Values)
                if (task.Container?.Id == containerId)
                    return task.IsTerminal
                        ? (null, Ended(containerId, $"task {task.TaskId} has ended"))
                        : (new NestedParent(task.Container, task.Sandbox, task.Info.Command?.User ?? executor.Framework.User), null);
        }
        return (null, new NestedRefusal(StatusCodes.Status404NotFound,
            $"'container_id.parent': no running container '{containerId}' on this agent (GET_CONTAINERS lists them)"));
    }

    private static NestedRefusal Ended(string containerId, string why) =>
        new(StatusCodes.Status404NotFound, $"'container_id.parent': container '{containerId}' is not running: {why}");
}

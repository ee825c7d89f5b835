using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Client;

/// <summary>A task the master knows, with the agent it ran on and its executor when the master still knows them.</summary>
internal sealed record LocatedTask(MesosTask Task, AgentEntry? Agent, ExecutorInfo? Executor)
{
    /// <summary>The agent's HTTP endpoint (files API), when the agent is registered.</summary>
    public Uri? AgentEndpoint => Agent is null ? null : AgentAddress.Of(Agent.AgentInfo);
}

/// <summary>
/// Finds a task by id in the master's state (GET_STATE): live tasks first, then unreachable, then
/// completed ones (the newest). An unknown id is exit 1 naming it; an id several frameworks use
/// asks for <c>--framework</c>.
/// </summary>
internal static class TaskLocator
{
    public static async Task<LocatedTask> FindAsync(OperatorClient client, string taskId, string? frameworkId, CancellationToken ct)
    {
        var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState;
        return Locate(state, taskId, frameworkId);
    }

    public static LocatedTask Locate(GetStateResponse? state, string taskId, string? frameworkId)
    {
        var tasks = state?.GetTasks;
        var live = (tasks?.Tasks ?? []).Concat(tasks?.UnreachableTasks ?? []).Concat(tasks?.PendingTasks ?? []).ToList();
        var completed = tasks?.CompletedTasks ?? [];
        bool Matches(MesosTask t) => t.TaskId.Value == taskId && (frameworkId is null || t.FrameworkId.Value == frameworkId);
        var found = live.Where(Matches).ToList();
        if (found.Count == 0)
        {
            found = [.. completed.Where(Matches).OrderBy(LastUpdate).TakeLast(1)];
        }
        if (found.Count == 0)
        {
            var known = live.Count + completed.Count;
            var scope = frameworkId is null ? "" : $" of framework '{frameworkId}'";
            throw new CliException($"no task '{taskId}'{scope} (the master knows {known} task{(known == 1 ? "" : "s")}; 'tessera task list --all' lists them)");
        }
        if (found.Count > 1)
        {
            var frameworks = string.Join(", ", found.Select(t => t.FrameworkId.Value).Distinct());
            throw new CliException($"task id '{taskId}' is used by several frameworks ({frameworks}); pass --framework ID");
        }
        var task = found[0];
        var agent = state?.GetAgents?.Agents?.FirstOrDefault(a => a.AgentInfo.Id?.Value == task.AgentId.Value);
        var executor = task.ExecutorId is null
            ? null
            : state?.GetExecutors?.Executors?.FirstOrDefault(e =>
                e.ExecutorInfo.ExecutorId.Value == task.ExecutorId.Value && e.AgentId.Value == task.AgentId.Value
                && (e.ExecutorInfo.FrameworkId is null || e.ExecutorInfo.FrameworkId.Value == task.FrameworkId.Value))?.ExecutorInfo;
        return new LocatedTask(task, agent, executor);
    }

    /// <summary>The latest status time, for ordering tasks that reused an id.</summary>
    public static double LastUpdate(MesosTask task) => task.Statuses is { Count: > 0 } statuses ? statuses.Max(s => s.Timestamp ?? 0) : 0;
}

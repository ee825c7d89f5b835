using Tessera.Agent.Hosting;
using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Operator;

/// <summary>
/// The agent's state at one moment, immutable: taken on the agent loop by <see cref="Take"/>,
/// then turned into operator responses and metrics off the loop.
/// </summary>
internal sealed record AgentSnapshot
{
    public required string? AgentId { get; init; }
    public required AgentInfo? Info { get; init; }
    public required string Isolation { get; init; }
    public required AgentOptions Options { get; init; }
    public required ResourceSet Total { get; init; }
    public required IReadOnlyList<AgentTaskView> Tasks { get; init; }

    /// <summary>Running custom executors with a container of their own (GET_CONTAINERS).</summary>
    public IReadOnlyList<AgentExecutorView> Executors { get; init; } = [];
    public required AgentCountersSnapshot Counters { get; init; }
    public required int PendingUpdates { get; init; }
    public required DateTimeOffset Now { get; init; }

    public bool Registered => AgentId is not null;

    /// <summary>Runs on the agent loop (inside <c>AskAsync</c>): copies, computes nothing expensive.</summary>
    public static AgentSnapshot Take(AgentRuntime rt) => new()
    {
        AgentId = rt.AgentId,
        Info = rt.Describe?.Invoke() is { } info ? info with { Id = rt.AgentId is { } id ? AgentID.Of(id) : null } : null,
        Isolation = rt.Containerizer.Isolation,
        Options = rt.Options,
        Total = rt.Total,
        Tasks = [.. rt.Tasks.Values.OrderBy(t => t.FrameworkId, StringComparer.Ordinal).ThenBy(t => t.TaskId, StringComparer.Ordinal).Select(View)],
        Executors = [.. rt.Executors.All.Where(e => e.Container is not null && e.State != Agent.Executors.ExecutorState.Terminated)
            .OrderBy(e => e.FrameworkId, StringComparer.Ordinal).ThenBy(e => e.ExecutorId, StringComparer.Ordinal).Select(ExecutorView)],
        Counters = rt.Counters.Copy(),
        PendingUpdates = rt.Updates.Unacknowledged.Count(),
        Now = rt.Clock.GetUtcNow(),
    };

    private static AgentTaskView View(AgentTask t) => new(
        AgentRuntime.ToWire(t),
        t.Framework,
        new ExecutorInfo
        {
            ExecutorId = ExecutorID.Of(t.TaskId),
            FrameworkId = t.Framework.Id,
            Name = $"Command Executor (Task: {t.TaskId})",
            Source = t.TaskId,
            Command = t.Info.Command,
            Resources = t.Info.Resources,
        },
        t.Sandbox,
        Scalar(t.Info, "cpus"),
        Scalar(t.Info, "mem"),
        Scalar(t.Info, "disk"),
        t.Container);

    private static AgentExecutorView ExecutorView(Executors.AgentExecutor e)
    {
        var all = e.Tasks.Values.Where(t => !t.IsTerminal).SelectMany(t => t.Info.Resources ?? []).Concat(e.Info.Resources ?? []).ToList();
        return new AgentExecutorView(e.Framework.Id!, e.Info, e.Container!,
            Agent.Executors.ExecutorManager.Scalar(all, "cpus"), Agent.Executors.ExecutorManager.Scalar(all, "mem"), Agent.Executors.ExecutorManager.Scalar(all, "disk"));
    }

    private static double Scalar(TaskInfo info, string name) =>
        info.Resources?.Where(r => r.Name == name && r.Scalar is not null).Sum(r => r.Scalar!.Value) ?? 0;
}

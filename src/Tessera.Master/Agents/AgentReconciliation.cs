using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Events;
using Tessera.Master.Loop;
using Tessera.Master.State;
using Tessera.Master.Tasks;

namespace Tessera.Master.Agents;

/// <summary>
/// Re-registration reconciles both ways. Tasks the agent reports are adopted (their resources
/// allocated again); tasks the master had on the agent that it no longer reports are lost
/// (TASK_GONE, or TASK_LOST for frameworks that aren't partition-aware); tasks of frameworks the
/// master removed are shut down on the agent.
/// </summary>
internal static class AgentReconciliation
{
    public static void Run(MasterRuntime rt, AgentRecord agent, AgentRegistration registration)
    {
        var state = rt.State;
        var reported = (registration.Tasks ?? []).ToDictionary(t => (t.FrameworkId.Value, t.TaskId.Value));
        foreach (var info in registration.Frameworks ?? [])
            if (info.Id?.Value is { } id && state.Framework(id) is null && !state.CompletedFrameworks.Any(f => f.Id == id))
                rt.Frameworks.Adopt(id, info);
        foreach (var executor in registration.Executors ?? [])
            RememberExecutor(rt, agent, executor);
        ForgetUnreported(rt, agent, reported);
        foreach (var task in reported.Values)
            AdoptReported(rt, agent, task);
    }

    private static void ForgetUnreported(MasterRuntime rt, AgentRecord agent, Dictionary<(string, string), MesosTask> reported)
    {
        foreach (var (frameworkId, tasks) in agent.Tasks.ToList())
        {
            var framework = rt.State.Framework(frameworkId);
            foreach (var task in tasks.Values.ToList())
            {
                if (reported.ContainsKey((frameworkId, task.TaskId))) continue;
                var status = StatusFactory.Master(task.Info.TaskId, AgentID.Of(agent.Id), TaskState.TASK_GONE, TaskStatusReason.REASON_AGENT_REREGISTERED,
                    "the agent re-registered without this task", rt.Now);
                // Its resources were never re-added to the allocator for this agent: don't recover them.
                task.ResourcesReleased = true;
                rt.Tasks.Record(task, status);
                tasks.Remove(task.TaskId);
                if (framework is not null)
                    rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
            }
            if (tasks.Count == 0) agent.Tasks.Remove(frameworkId);
        }
    }

    private static void AdoptReported(MasterRuntime rt, AgentRecord agent, MesosTask reported)
    {
        var frameworkId = reported.FrameworkId.Value;
        if (rt.State.CompletedFrameworks.Any(f => f.Id == frameworkId) || rt.State.Framework(frameworkId) is not { } framework)
        {
            rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.SHUTDOWN_FRAMEWORK, ShutdownFramework = new ShutdownFramework { FrameworkId = reported.FrameworkId } });
            return;
        }
        var resources = ResourceWireForm.FromWire(reported.Resources ?? []);
        var role = resources.FirstOrDefault()?.AllocationRole ?? framework.Roles.FirstOrDefault() ?? RoleName.Default;
        var plain = resources.WithoutAllocation();
        var wasUnreachable = framework.Tasks.TryGetValue(reported.TaskId.Value, out var existing) && existing.State == TaskState.TASK_UNREACHABLE;
        var task = existing ?? new TaskRecord(frameworkId, agent.Id,
            new TaskInfo { Name = reported.Name, TaskId = reported.TaskId, AgentId = AgentID.Of(agent.Id), Resources = reported.Resources, Labels = reported.Labels },
            role, plain, reported.ExecutorId?.Value);
        if (existing is null) rt.Tasks.Track(task, framework, agent);
        else if (!agent.Tasks.TryGetValue(frameworkId, out var byId)) agent.Tasks[frameworkId] = new(StringComparer.Ordinal) { [task.TaskId] = task };
        else byId[task.TaskId] = task;
        var latest = reported.Statuses?.LastOrDefault() ?? StatusFactory.Master(reported.TaskId, AgentID.Of(agent.Id), reported.State, null, null, rt.Now);
        task.ResourcesReleased = false;
        rt.Tasks.Record(task, latest with { AgentId = AgentID.Of(agent.Id) });
        if (!task.IsTerminal && !plain.IsEmpty && rt.State.Allocator.Frameworks.ContainsKey(frameworkId))
            rt.State.Allocator.Allocate(frameworkId, agent.Id, task.Role, plain);
        else task.ResourcesReleased = true;
        if (wasUnreachable)
            rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(latest with { Uuid = null, AgentId = AgentID.Of(agent.Id) }, framework.PartitionAware)));
    }

    private static void RememberExecutor(MasterRuntime rt, AgentRecord agent, ExecutorInfo executor)
    {
        if (executor.FrameworkId?.Value is not { } frameworkId || rt.State.Framework(frameworkId) is not { } framework) return;
        var resources = ResourceWireForm.FromWire(executor.Resources ?? []);
        var role = resources.FirstOrDefault()?.AllocationRole ?? framework.Roles.FirstOrDefault() ?? RoleName.Default;
        if (!agent.Executors.TryGetValue(frameworkId, out var byId)) agent.Executors[frameworkId] = byId = new(StringComparer.Ordinal);
        byId[executor.ExecutorId.Value] = new ExecutorRecord(frameworkId, executor, role, resources.WithoutAllocation());
        if (!resources.IsEmpty) rt.State.Allocator.Allocate(frameworkId, agent.Id, role, resources.WithoutAllocation());
    }
}

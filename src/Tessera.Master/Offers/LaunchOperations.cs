using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Loop;
using Tessera.Master.State;

using WireResource = Tessera.Core.Protocol.Resource;


namespace Tessera.Master.Offers;

/// <summary>LAUNCH and LAUNCH_GROUP within one ACCEPT: validate, account the resources, record the tasks and tell the agent.</summary>
internal sealed class LaunchOperations(MasterRuntime rt, FrameworkRecord framework, AgentRecord agent, OfferedPool pool)
{
    /// <summary>Executors first seen in this ACCEPT, so a second task of the same executor doesn't pay for it again.</summary>
    private readonly Dictionary<string, ExecutorRecord> _newExecutors = new(StringComparer.Ordinal);

    private readonly HashSet<string> _taskIds = new(StringComparer.Ordinal);

    public void Launch(IReadOnlyList<TaskInfo> tasks)
    {
        foreach (var task in tasks)
        {
            var plan = Plan(task, inGroup: false, out var error);
            if (error is null && !pool.Contains(plan.Needed))
                error = $"task {task.TaskId.Value} needs {plan.Needed.WithoutAllocation()} but the offers have {pool.Remaining.WithoutAllocation()} left";
            if (error is not null)
            {
                // An executor this task would have started is not started after all.
                _newExecutors.Clear();
                Invalid(task, error);
                continue;
            }
            pool.Take(plan.Needed);
            Record(task, plan);
            rt.Outbox.ToAgent(agent, new AgentCommand
            {
                Type = AgentCommandType.RUN_TASK,
                RunTask = new RunTask { FrameworkInfo = framework.Info, Task = WireTask(task, plan) },
            });
        }
    }

    public void LaunchGroup(Core.Protocol.LaunchGroupOperation group)
    {
        var tasks = group.TaskGroup.Tasks ?? [];
        var executor = group.Executor;
        string? error = tasks.Count == 0 ? "'launch_group.task_group.tasks' is empty" : null;
        error ??= LaunchValidator.Executor(executor, framework.Id);
        var executorNeeds = error is null ? ExecutorNeeds(executor, out error) : ResourceSet.Empty;
        var plans = new List<(TaskInfo Task, TaskPlan Plan)>();
        foreach (var task in tasks)
        {
            if (error is not null) break;
            var plan = Plan(task, inGroup: true, out error);
            plans.Add((task, plan));
        }
        var needed = plans.Aggregate(executorNeeds, (sum, p) => sum + p.Plan.Needed);
        if (error is null && !pool.Contains(needed))
            error = $"task group needs {needed.WithoutAllocation()} but the offers have {pool.Remaining.WithoutAllocation()} left";
        if (error is not null)
        {
            _newExecutors.Clear();
            foreach (var task in tasks) Invalid(task, error, TaskStatusReason.REASON_TASK_GROUP_INVALID);
            return;
        }
        pool.Take(needed);
        var executorRecord = RememberExecutor(executor, executorNeeds);
        var wired = plans.Select(p =>
        {
            Record(p.Task, p.Plan with { ExecutorId = executor.ExecutorId.Value });
            return WireTask(p.Task, p.Plan);
        }).ToList();
        rt.Outbox.ToAgent(agent, new AgentCommand
        {
            Type = AgentCommandType.RUN_TASK_GROUP,
            RunTaskGroup = new RunTaskGroup
            {
                FrameworkInfo = framework.Info,
                Executor = executorRecord.Info,
                TaskGroup = new TaskGroupInfo { Tasks = wired },
            },
        });
    }

    private sealed record TaskPlan(ResourceSet TaskResources, ResourceSet Needed, string Role, string? ExecutorId);

    private TaskPlan Plan(TaskInfo task, bool inGroup, out string? error)
    {
        var empty = new TaskPlan(ResourceSet.Empty, ResourceSet.Empty, "*", null);
        error = LaunchValidator.Task(task, agent.Id, inGroup);
        if (error is null && (framework.Tasks.ContainsKey(task.TaskId.Value) || !_taskIds.Add(task.TaskId.Value)))
            error = $"task id {task.TaskId.Value} is already in use by this framework";
        if (error is not null) return empty;
        var resources = Read(task.Resources!, $"task {task.TaskId.Value}", out error);
        if (error is not null) return empty;
        var needed = resources;
        string? executorId = null;
        if (task.Executor is { } executor && !inGroup)
        {
            error = LaunchValidator.Executor(executor, framework.Id);
            if (error is not null) return empty;
            executorId = executor.ExecutorId.Value;
            needed += ExecutorNeeds(executor, out error);
            if (error is not null) return empty;
        }
        var role = resources[0].AllocationRole!;
        return new TaskPlan(resources, needed, role, executorId);
    }

    /// <summary>The executor's resources if it is new on the agent; an existing executor must be launched with the same info.</summary>
    private ResourceSet ExecutorNeeds(ExecutorInfo executor, out string? error)
    {
        error = null;
        var id = executor.ExecutorId.Value;
        var known = agent.Executors.TryGetValue(framework.Id, out var running) && running.TryGetValue(id, out var r) ? r : _newExecutors.GetValueOrDefault(id);
        if (known is not null)
        {
            if (!SameExecutor(known.Info, executor)) error = $"executor {id} is already running with a different ExecutorInfo";
            return ResourceSet.Empty;
        }
        var resources = executor.Resources is { Count: > 0 } wire ? Read(wire, $"executor {id}", out error) : ResourceSet.Empty;
        if (error is null) _newExecutors[id] = new ExecutorRecord(framework.Id, executor with { FrameworkId = FrameworkID.Of(framework.Id) },
            resources.Count > 0 ? resources[0].AllocationRole! : pool.Roles[0], resources);
        return resources;
    }

    private ResourceSet Read(IReadOnlyList<WireResource> wire, string what, out string? error)
    {
        ResourceSet parsed;
        try
        {
            parsed = ResourceWireForm.FromWire(wire);
        }
        catch (ResourceParseException e)
        {
            error = $"{what}: {e.Message}";
            return ResourceSet.Empty;
        }
        var stamped = pool.Stamp(parsed, out error);
        if (error is not null) return stamped;
        error = LaunchValidator.SingleRole(stamped, what);
        if (error is null && !pool.Roles.Contains(stamped[0].AllocationRole!))
            error = $"{what} uses role '{stamped[0].AllocationRole}', which none of the offers is for";
        return stamped;
    }

    private void Record(TaskInfo task, TaskPlan plan)
    {
        if (plan.ExecutorId is { } executorId && _newExecutors.Remove(executorId, out var executor)) Remember(executor);
        var record = new TaskRecord(framework.Id, agent.Id, task, plan.Role, plan.TaskResources.WithoutAllocation(), plan.ExecutorId);
        rt.Tasks.Track(record, framework, agent);
    }

    private ExecutorRecord RememberExecutor(ExecutorInfo executor, ResourceSet resources)
    {
        if (_newExecutors.Remove(executor.ExecutorId.Value, out var fresh))
        {
            Remember(fresh);
            return fresh;
        }
        return agent.Executors[framework.Id][executor.ExecutorId.Value];
    }

    private void Remember(ExecutorRecord executor)
    {
        if (!agent.Executors.TryGetValue(framework.Id, out var byId)) agent.Executors[framework.Id] = byId = new(StringComparer.Ordinal);
        byId[executor.Info.ExecutorId.Value] = executor with { Resources = executor.Resources.WithoutAllocation() };
    }

    private static TaskInfo WireTask(TaskInfo task, TaskPlan plan) =>
        task with { Resources = ResourceWireForm.ToWire(plan.TaskResources) };

    private void Invalid(TaskInfo task, string error, TaskStatusReason reason = TaskStatusReason.REASON_TASK_INVALID) =>
        rt.Tasks.SendMasterUpdate(framework, task.TaskId, task.AgentId, TaskState.TASK_ERROR, reason, error);

    private static bool SameExecutor(ExecutorInfo a, ExecutorInfo b) =>
        Core.Protocol.Json.MesosJson.Serialize(a with { FrameworkId = null }) == Core.Protocol.Json.MesosJson.Serialize(b with { FrameworkId = null });
}

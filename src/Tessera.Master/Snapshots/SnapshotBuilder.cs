using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;
using Tessera.Master.Offers;
using Tessera.Master.State;

namespace Tessera.Master.Snapshots;

/// <summary>Turns the loop's records into the wire shapes of GET_STATE; pure over the state it reads.</summary>
internal static class SnapshotBuilder
{
    public static GetStateResponse State(MasterState state)
    {
        var offersByAgent = state.Offers.Values.ToLookup(o => o.AgentId);
        return new()
        {
        GetTasks = Tasks(state),
        GetExecutors = new GetExecutorsResponse
        {
            Executors = [.. state.Agents.Values.SelectMany(a => a.Executors.Values.SelectMany(e => e.Values)
                .Select(e => new ExecutorEntry { ExecutorInfo = e.Info, AgentId = AgentID.Of(a.Id) }))],
        },
        GetFrameworks = new GetFrameworksResponse
        {
            Frameworks = [.. state.Frameworks.Values.Select(f => Framework(state, f))],
            CompletedFrameworks = [.. state.CompletedFrameworks.Select(f => Framework(state, f))],
        },
        GetAgents = new GetAgentsResponse { Agents = [.. state.Agents.Values.Where(a => a.Status == AgentStatus.Registered).Select(a => Agent(state, a, offersByAgent[a.Id]))] },
        };
    }

    public static GetTasksResponse Tasks(MasterState state)
    {
        var live = state.Frameworks.Values.SelectMany(f => f.Tasks.Values).ToList();
        return new GetTasksResponse
        {
            Tasks = [.. live.Where(t => t.State != TaskState.TASK_UNREACHABLE).Select(Task)],
            UnreachableTasks = [.. live.Where(t => t.State == TaskState.TASK_UNREACHABLE).Select(Task)],
            CompletedTasks = [.. state.Frameworks.Values.Concat(state.CompletedFrameworks).SelectMany(f => f.CompletedTasks).Select(Task)],
        };
    }

    public static MesosTask Task(TaskRecord t) => t.Wire ??= BuildTask(t);

    private static MesosTask BuildTask(TaskRecord t) => new()
    {
        Name = t.Info.Name,
        TaskId = t.Info.TaskId,
        FrameworkId = FrameworkID.Of(t.FrameworkId),
        ExecutorId = t.ExecutorId is null ? null : ExecutorID.Of(t.ExecutorId),
        AgentId = AgentID.Of(t.AgentId),
        State = t.State,
        Resources = ResourceWireForm.ToWire(t.Resources.AllocatedTo(t.Role)),
        Statuses = [.. t.Statuses],
        StatusUpdateState = t.Unacknowledged?.State ?? t.Latest?.State,
        StatusUpdateUuid = t.Unacknowledged?.Uuid,
        Labels = t.Info.Labels,
        Discovery = t.Info.Discovery,
        Container = t.Info.Container,
        HealthCheck = t.Info.HealthCheck,
        KillPolicy = t.Info.KillPolicy,
    };

    public static FrameworkEntry Framework(MasterState state, FrameworkRecord f)
    {
        var offers = f.Offers.Select(id => state.Offers[id]).ToList();
        // One merge per role, not one copy per task: frameworks can hold 100,000 tasks.
        // Tasks and offers span agents: summed with AcrossAgents (the same port on two agents is no overlap).
        var allocated = ResourceSet.Of(f.Tasks.Values.Where(t => !t.ResourcesReleased).GroupBy(t => t.Role)
            .SelectMany(g => ResourceSet.AcrossAgents(g.SelectMany(t => t.Resources)).AllocatedTo(g.Key)));
        return new FrameworkEntry
        {
            FrameworkInfo = f.Info,
            Active = f.Active,
            Connected = f.Connected,
            Recovered = f.StreamId is null && !f.Connected,
            RegisteredTime = TimeInfo.From(f.RegisteredAt),
            ReregisteredTime = f.ReregisteredAt is { } r ? TimeInfo.From(r) : null,
            UnregisteredTime = f.UnregisteredAt is { } u ? TimeInfo.From(u) : null,
            Offers = [.. offers.Where(o => state.Agents.ContainsKey(o.AgentId)).Select(o => OfferWire.Build(o, state.Agents[o.AgentId], f))],
            AllocatedResources = ResourceWireForm.ToWire(allocated),
            OfferedResources = ResourceWireForm.ToWire(ResourceSet.AcrossAgents(offers.SelectMany(o => o.Resources.AllocatedTo(o.Role)))),
        };
    }

    public static AgentEntry Agent(MasterState state, AgentRecord a) => Agent(state, a, state.Offers.Values.Where(o => o.AgentId == a.Id));

    public static AgentEntry Agent(MasterState state, AgentRecord a, IEnumerable<OfferRecord> offers)
    {
        var allocator = state.Allocator.Agents.GetValueOrDefault(a.Id);
        var offered = ResourceSet.Of(offers.SelectMany(o => o.Resources));
        return new AgentEntry
        {
            AgentInfo = a.Info,
            Active = a.Status == AgentStatus.Registered,
            Deactivated = a.Deactivated || a.Drain is not null,
            Version = Hosting.MasterIdentity.MesosVersion,
            Pid = $"slave(1)@{a.Hostname}:{a.Info.Port ?? 5051}",
            RegisteredTime = TimeInfo.From(a.RegisteredAt),
            ReregisteredTime = a.ReregisteredAt is { } r ? TimeInfo.From(r) : null,
            TotalResources = ResourceWireForm.ToWire(a.Total),
            AllocatedResources = ResourceWireForm.ToWire(allocator is null ? ResourceSet.Empty : allocator.Allocated - offered),
            OfferedResources = ResourceWireForm.ToWire(offered),
            DrainInfo = a.Drain is { } d
                ? new DrainInfo { State = d.Drained ? Core.Protocol.Operator.DrainState.DRAINED : Core.Protocol.Operator.DrainState.DRAINING, Config = new DrainConfig { MaxGracePeriod = d.MaxGracePeriod is { } g ? DurationInfo.From(g) : null, MarkGone = d.MarkGone } }
                : null,
        };
    }
}

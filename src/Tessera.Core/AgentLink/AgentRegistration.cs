using Tessera.Core.Protocol;

namespace Tessera.Core.AgentLink;

/// <summary>
/// Agent → master, <c>POST /agent/v1/register</c>. A new agent sends no id in <see cref="AgentInfo"/>;
/// a restarted one sends its checkpointed id with the tasks and executors it still runs, so the
/// master can reconcile both ways.
/// </summary>
public sealed record AgentRegistration
{
    public required AgentInfo AgentInfo { get; init; }

    /// <summary>Tasks the agent runs (re-registration), with their latest state.</summary>
    public IReadOnlyList<MesosTask>? Tasks { get; init; }

    public IReadOnlyList<ExecutorInfo>? Executors { get; init; }

    /// <summary>Frameworks of those tasks, so a master that lost them (restart) knows them again.</summary>
    public IReadOnlyList<FrameworkInfo>? Frameworks { get; init; }

    public string? Version { get; init; }
}

/// <summary>Master → agent reply to a registration.</summary>
public sealed record AgentRegistered
{
    public required AgentID AgentId { get; init; }

    public required MasterInfo MasterInfo { get; init; }

    /// <summary>The agent should see a PING at least this often; otherwise it re-registers.</summary>
    public required double PingIntervalSeconds { get; init; }
}

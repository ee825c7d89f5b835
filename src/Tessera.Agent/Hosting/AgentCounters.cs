using Tessera.Core.Protocol;

namespace Tessera.Agent.Hosting;

/// <summary>
/// Counts that outlive the tasks they count: terminal tasks by state, since the agent started.
/// Owned by the agent loop (<see cref="Tasks.TaskRunner"/> bumps it); readers get a <see cref="Copy"/>.
/// </summary>
internal sealed class AgentCounters(DateTimeOffset startedAt)
{
    private readonly Dictionary<TaskState, long> _terminal = [];

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>A task reached <paramref name="state"/>; only terminal states are counted.</summary>
    public void Terminal(TaskState state)
    {
        if (TaskStates.IsTerminal(state)) _terminal[state] = _terminal.GetValueOrDefault(state) + 1;
    }

    public AgentCountersSnapshot Copy() => new(StartedAt, new Dictionary<TaskState, long>(_terminal));
}

/// <summary>An immutable copy of <see cref="AgentCounters"/>.</summary>
internal sealed record AgentCountersSnapshot(DateTimeOffset StartedAt, IReadOnlyDictionary<TaskState, long> Terminal)
{
    public long Count(TaskState state) => Terminal.GetValueOrDefault(state);
}

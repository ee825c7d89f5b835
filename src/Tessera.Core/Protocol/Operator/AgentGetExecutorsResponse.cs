namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetExecutors</c>.</summary>
public sealed record AgentGetExecutorsResponse
{
    /// <summary>Running executors.</summary>
    public IReadOnlyList<AgentExecutorEntry>? Executors { get; init; }

    /// <summary>Executors that ended.</summary>
    public IReadOnlyList<AgentExecutorEntry>? CompletedExecutors { get; init; }
}

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetExecutors.Executor</c>.</summary>
public sealed record AgentExecutorEntry
{
    /// <summary>The executor.</summary>
    public required ExecutorInfo ExecutorInfo { get; init; }
}

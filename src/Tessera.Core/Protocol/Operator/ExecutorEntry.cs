namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetExecutors.Executor</c>.</summary>
public sealed record ExecutorEntry
{
    /// <summary>The executor.</summary>
    public required ExecutorInfo ExecutorInfo { get; init; }

    /// <summary>Its agent.</summary>
    public required AgentID AgentId { get; init; }
}

namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Shutdown</c>.</summary>
public sealed record ShutdownCall
{
    /// <summary>The executor.</summary>
    public required ExecutorID ExecutorId { get; init; }

    /// <summary>Its agent.</summary>
    public required AgentID AgentId { get; init; }
}

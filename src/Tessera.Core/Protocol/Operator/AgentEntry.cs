namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetAgents.Agent</c>.</summary>
public sealed record AgentEntry
{
    /// <summary>The agent.</summary>
    public required AgentInfo AgentInfo { get; init; }

    /// <summary>Connected and registered.</summary>
    public required bool Active { get; init; }

    /// <summary>Deactivated by an operator or drain.</summary>
    public bool? Deactivated { get; init; }

    /// <summary>The agent's version.</summary>
    public string? Version { get; init; }

    /// <summary>The agent's endpoint.</summary>
    public string? Pid { get; init; }

    /// <summary>When it registered.</summary>
    public TimeInfo? RegisteredTime { get; init; }

    /// <summary>When it last reregistered.</summary>
    public TimeInfo? ReregisteredTime { get; init; }

    /// <summary>Total resources.</summary>
    public IReadOnlyList<Resource>? TotalResources { get; init; }

    /// <summary>Allocated resources.</summary>
    public IReadOnlyList<Resource>? AllocatedResources { get; init; }

    /// <summary>Offered resources.</summary>
    public IReadOnlyList<Resource>? OfferedResources { get; init; }

    /// <summary>Capabilities.</summary>
    public IReadOnlyList<AgentCapability>? Capabilities { get; init; }

    /// <summary>Drain state.</summary>
    public DrainInfo? DrainInfo { get; init; }

    /// <summary>When draining is expected to start.</summary>
    public TimeInfo? EstimatedDrainStartTime { get; init; }
}

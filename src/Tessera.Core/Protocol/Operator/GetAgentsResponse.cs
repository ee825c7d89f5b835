namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetAgents</c>.</summary>
public sealed record GetAgentsResponse
{
    /// <summary>Registered agents.</summary>
    public IReadOnlyList<AgentEntry>? Agents { get; init; }

    /// <summary>Agents known from the registry that have not reregistered.</summary>
    public IReadOnlyList<AgentInfo>? RecoveredAgents { get; init; }
}

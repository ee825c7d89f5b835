namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetAgent</c>.</summary>
public sealed record GetAgentResponse
{
    /// <summary>The agent as it registers with the master.</summary>
    public AgentInfo? AgentInfo { get; init; }
}

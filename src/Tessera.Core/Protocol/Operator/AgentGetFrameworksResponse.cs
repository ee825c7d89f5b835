namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetFrameworks</c>.</summary>
public sealed record AgentGetFrameworksResponse
{
    /// <summary>Frameworks with executors on the agent.</summary>
    public IReadOnlyList<AgentFrameworkEntry>? Frameworks { get; init; }

    /// <summary>Frameworks that ended.</summary>
    public IReadOnlyList<AgentFrameworkEntry>? CompletedFrameworks { get; init; }
}

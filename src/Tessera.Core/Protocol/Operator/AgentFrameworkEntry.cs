namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetFrameworks.Framework</c>.</summary>
public sealed record AgentFrameworkEntry
{
    /// <summary>The framework.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }
}

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>AgentInfo.Capability</c>.</summary>
public sealed record AgentCapability
{
    /// <summary>The capability.</summary>
    public AgentCapabilityType? Type { get; init; }

    /// <summary>Creates a capability.</summary>
    public static AgentCapability Of(AgentCapabilityType type) => new() { Type = type };
}

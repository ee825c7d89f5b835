namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>FrameworkInfo.Capability</c>.</summary>
public sealed record FrameworkCapability
{
    /// <summary>The capability.</summary>
    public FrameworkCapabilityType? Type { get; init; }

    /// <summary>Creates a capability.</summary>
    public static FrameworkCapability Of(FrameworkCapabilityType type) => new() { Type = type };
}

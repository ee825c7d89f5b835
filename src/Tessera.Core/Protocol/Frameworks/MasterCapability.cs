namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>MasterInfo.Capability</c>.</summary>
public sealed record MasterCapability
{
    /// <summary>The capability.</summary>
    public MasterCapabilityType? Type { get; init; }

    /// <summary>Creates a capability.</summary>
    public static MasterCapability Of(MasterCapabilityType type) => new() { Type = type };
}

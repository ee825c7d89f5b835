namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.AllocationInfo</c>: the role something is allocated to.</summary>
public sealed record AllocationInfo
{
    /// <summary>The role.</summary>
    public string? Role { get; init; }

    /// <summary>Creates an allocation to <paramref name="role"/>.</summary>
    public static AllocationInfo Of(string role) => new() { Role = role };
}

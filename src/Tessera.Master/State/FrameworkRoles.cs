using Tessera.Core.Allocation;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Master.State;

/// <summary>A framework's roles as Mesos reads them: <c>roles</c> with MULTI_ROLE, else the single <c>role</c> (default <c>*</c>).</summary>
internal static class FrameworkRoles
{
    public static IReadOnlyList<string> Of(FrameworkInfo info) =>
        info.HasCapability(FrameworkCapabilityType.MULTI_ROLE)
            ? info.Roles is { Count: > 0 } roles ? roles : []
            : [info.Role ?? RoleName.Default];

    public static AllocatorCapabilities Capabilities(FrameworkInfo info)
    {
        var caps = AllocatorCapabilities.None;
        if (info.HasCapability(FrameworkCapabilityType.GPU_RESOURCES)) caps |= AllocatorCapabilities.GpuResources;
        if (info.HasCapability(FrameworkCapabilityType.REVOCABLE_RESOURCES)) caps |= AllocatorCapabilities.RevocableResources;
        if (info.HasCapability(FrameworkCapabilityType.RESERVATION_REFINEMENT)) caps |= AllocatorCapabilities.ReservationRefinement;
        if (info.HasCapability(FrameworkCapabilityType.MULTI_ROLE)) caps |= AllocatorCapabilities.MultiRole;
        return caps;
    }
}

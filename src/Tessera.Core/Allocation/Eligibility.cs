namespace Tessera.Core.Allocation;

/// <summary>Static reasons a framework role can't take anything from an agent, as a cheap code for the hot loop.</summary>
internal enum Ineligible
{
    None,
    FrameworkInactive,
    AgentInactive,
    RoleSuppressed,
    GpuAgent,
}

/// <summary>
/// The checks that need no resource arithmetic. <see cref="Allocator.Decide"/> calls them in its hot
/// loop and <see cref="Allocator.Explain"/> turns the same code into a typed reason, so the two can't
/// disagree.
/// </summary>
internal static class Eligibility
{
    public static Ineligible Check(AllocatorFramework framework, string role, AllocatorAgent agent, AllocatorOptions options)
    {
        if (!framework.Active) return Ineligible.FrameworkInactive;
        if (!agent.Active) return Ineligible.AgentInactive;
        if (framework.SuppressedRoles.Contains(role)) return Ineligible.RoleSuppressed;
        if (options.FilterGpuResources && agent.HasGpus && !framework.Has(AllocatorCapabilities.GpuResources))
            return Ineligible.GpuAgent;
        return Ineligible.None;
    }

    public static NotOfferedReason ToReason(Ineligible code, string role, AllocatorAgent agent) => code switch
    {
        Ineligible.FrameworkInactive => new FrameworkInactive(role),
        Ineligible.AgentInactive => new AgentInactive(role),
        Ineligible.RoleSuppressed => new RoleSuppressed(role),
        Ineligible.GpuAgent => new GpuAgentReserved(role, agent.Total.Scalar(Resources.ResourceNames.Gpus)),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a reason"),
    };
}

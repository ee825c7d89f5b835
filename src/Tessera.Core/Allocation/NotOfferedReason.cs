using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// Why an agent's resources were not offered to a framework (for one of its roles) in a cycle.
/// Typed, with the amounts involved, so the API, CLI, UI and logs show the same thing.
/// </summary>
public abstract record NotOfferedReason(string Role)
{
    /// <summary>One human sentence, the same everywhere.</summary>
    public abstract string Describe();

    public sealed override string ToString() => Describe();
}

public sealed record FrameworkInactive(string Role) : NotOfferedReason(Role)
{
    public override string Describe() => "framework is not connected or is deactivated";
}

public sealed record AgentInactive(string Role) : NotOfferedReason(Role)
{
    public override string Describe() => "agent is deactivated or draining";
}

public sealed record RoleSuppressed(string Role) : NotOfferedReason(Role)
{
    public override string Describe() => $"framework suppressed offers for role '{Role}'";
}

public sealed record GpuAgentReserved(string Role, ScalarValue AgentGpus) : NotOfferedReason(Role)
{
    public override string Describe() => $"agent has {AgentGpus} GPUs and the framework lacks the GPU_RESOURCES capability";
}

public sealed record OfferFiltered(string Role, DateTimeOffset Until, ResourceQuantities Refused) : NotOfferedReason(Role)
{
    public override string Describe() => $"filtered by the framework until {Until:O} (refused {Refused})";
}

public sealed record NothingAllocatable(string Role, ResourceQuantities AgentAvailable) : NotOfferedReason(Role)
{
    public override string Describe() => AgentAvailable.IsEmpty
        ? "agent has no free resources"
        : $"agent's free resources ({AgentAvailable}) are reserved for other roles";
}

public sealed record BelowMinAllocatable(string Role, ResourceQuantities Available, MinAllocatable Minimum) : NotOfferedReason(Role)
{
    public override string Describe() => $"free resources {Available} are below the minimum allocatable ({Minimum})";
}

public sealed record QuotaLimitReached(string Role, string LimitedRole, string Name, ScalarValue Limit, ScalarValue Consumed, ScalarValue Available)
    : NotOfferedReason(Role)
{
    public override string Describe() =>
        $"quota limit of role '{LimitedRole}' reached: {Name} limit {Limit}, consumed {Consumed}, agent has {Available} free";
}

public sealed record HeldForQuotaHeadroom(string Role, string Name, ScalarValue Required, ScalarValue Unallocated) : NotOfferedReason(Role)
{
    public override string Describe() =>
        $"held back for other roles' quota guarantees: {Name} {Required} needed, {Unallocated} unallocated in the cluster";
}

public sealed record OfferedToOthers(string Role, IReadOnlyList<string> FrameworkIds) : NotOfferedReason(Role)
{
    public override string Describe() =>
        $"offered first to framework(s) {string.Join(", ", FrameworkIds)}, which came earlier in the fair-share order";
}

public sealed record UnknownFramework(string Role) : NotOfferedReason(Role)
{
    public override string Describe() => "framework is not known to the allocator";
}

public sealed record UnknownAgent(string Role) : NotOfferedReason(Role)
{
    public override string Describe() => "agent is not known to the allocator";
}

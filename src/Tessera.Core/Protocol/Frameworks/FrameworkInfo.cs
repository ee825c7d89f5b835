namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>FrameworkInfo</c>: a framework's description, sent with SUBSCRIBE.</summary>
public sealed record FrameworkInfo
{
    /// <summary>The default user for tasks (empty: the agent's user).</summary>
    public required string User { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>Set when resubscribing after failover.</summary>
    public FrameworkID? Id { get; init; }

    /// <summary>Seconds the master waits for a failed-over scheduler before tearing the framework down (default 0).</summary>
    public double? FailoverTimeout { get; init; }

    /// <summary>Whether agents checkpoint the framework's tasks.</summary>
    public bool? Checkpoint { get; init; }

    /// <summary>The single role (deprecated; used without MULTI_ROLE).</summary>
    public string? Role { get; init; }

    /// <summary>The roles (with MULTI_ROLE).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The scheduler's hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>The authenticated principal.</summary>
    public string? Principal { get; init; }

    /// <summary>The framework's web UI.</summary>
    public string? WebuiUrl { get; init; }

    /// <summary>Capabilities.</summary>
    public IReadOnlyList<FrameworkCapability>? Capabilities { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }

    /// <summary>Per-role offer filters.</summary>
    public IReadOnlyDictionary<string, OfferFilters>? OfferFilters { get; init; }

    /// <summary>Whether the framework declared <paramref name="capability"/>.</summary>
    public bool HasCapability(FrameworkCapabilityType capability) =>
        Capabilities is not null && Capabilities.Any(c => c.Type == capability);
}

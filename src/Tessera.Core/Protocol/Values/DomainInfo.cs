namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>DomainInfo</c>: the fault domain (region and zone) of a master or agent.</summary>
public sealed record DomainInfo
{
    /// <summary>The fault domain.</summary>
    public FaultDomain? FaultDomain { get; init; }
}

/// <summary>Mesos <c>DomainInfo.FaultDomain</c>.</summary>
public sealed record FaultDomain
{
    /// <summary>The region.</summary>
    public required NamedDomain Region { get; init; }

    /// <summary>The zone.</summary>
    public required NamedDomain Zone { get; init; }
}

/// <summary>Mesos <c>DomainInfo.FaultDomain.RegionInfo</c> / <c>ZoneInfo</c>: a name.</summary>
public sealed record NamedDomain
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }
}

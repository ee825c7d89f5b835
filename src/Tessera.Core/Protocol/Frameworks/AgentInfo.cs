namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>AgentInfo</c>.</summary>
public sealed record AgentInfo
{
    /// <summary>The hostname.</summary>
    public required string Hostname { get; init; }

    /// <summary>The port (default 5051).</summary>
    public int? Port { get; init; }

    /// <summary>The total resources.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>Attributes.</summary>
    public IReadOnlyList<AgentAttribute>? Attributes { get; init; }

    /// <summary>The ID, once registered.</summary>
    public AgentID? Id { get; init; }

    /// <summary>The fault domain.</summary>
    public DomainInfo? Domain { get; init; }
}

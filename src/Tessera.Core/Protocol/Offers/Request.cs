namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Request</c> (REQUEST call; ignored by the built-in allocator).</summary>
public sealed record Request
{
    /// <summary>The agent wanted.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The resources wanted.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}

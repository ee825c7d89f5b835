namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetContainers</c>.</summary>
public sealed record GetContainersResponse
{
    /// <summary>The containers.</summary>
    public IReadOnlyList<ContainerEntry>? Containers { get; init; }
}

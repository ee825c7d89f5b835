namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Call.WaitNestedContainer</c>: wait until a nested container has ended.</summary>
public sealed record WaitNestedContainerCall
{
    /// <summary>The nested container (with its <c>parent</c>).</summary>
    public required ContainerID ContainerId { get; init; }
}

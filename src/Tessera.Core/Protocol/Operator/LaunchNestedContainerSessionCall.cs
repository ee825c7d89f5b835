namespace Tessera.Core.Protocol.Operator;

/// <summary>
/// Mesos <c>agent.Call.LaunchNestedContainerSession</c>: run <see cref="Command"/> in a new container
/// nested in a running one (<c>container_id.parent</c>); its output streams back on the response.
/// </summary>
public sealed record LaunchNestedContainerSessionCall
{
    /// <summary>The new container's id; its <c>parent</c> is the running container to enter.</summary>
    public required ContainerID ContainerId { get; init; }

    /// <summary>What to run.</summary>
    public CommandInfo? Command { get; init; }

    /// <summary>An image or TTY for the nested container (Tessera refuses it: no images, no TTY).</summary>
    public ContainerInfo? Container { get; init; }
}

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.FrameworkAdded</c>.</summary>
public sealed record FrameworkAddedEvent
{
    /// <summary>The framework.</summary>
    public required FrameworkEntry Framework { get; init; }
}

namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.FrameworkUpdated</c>.</summary>
public sealed record FrameworkUpdatedEvent
{
    /// <summary>The framework.</summary>
    public required FrameworkEntry Framework { get; init; }
}

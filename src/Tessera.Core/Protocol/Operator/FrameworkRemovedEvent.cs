namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.FrameworkRemoved</c>.</summary>
public sealed record FrameworkRemovedEvent
{
    /// <summary>The framework.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }
}

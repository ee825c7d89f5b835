namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.UpdateOperationStatus</c>.</summary>
public sealed record UpdateOperationStatusEvent
{
    /// <summary>The status.</summary>
    public required OperationStatus Status { get; init; }
}

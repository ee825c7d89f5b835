namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Update</c>.</summary>
public sealed record UpdateEvent
{
    /// <summary>The status; acknowledge it when it has a uuid.</summary>
    public required MesosTaskStatus Status { get; init; }
}

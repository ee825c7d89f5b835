namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.TaskUpdated</c>.</summary>
public sealed record TaskUpdatedEvent
{
    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>The latest status.</summary>
    public required MesosTaskStatus Status { get; init; }

    /// <summary>The latest state.</summary>
    public required TaskState State { get; init; }
}

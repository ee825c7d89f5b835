namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.TaskAdded</c>.</summary>
public sealed record TaskAddedEvent
{
    /// <summary>The task.</summary>
    public required MesosTask Task { get; init; }
}

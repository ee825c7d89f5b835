namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Acknowledged</c>.</summary>
public sealed record ExecutorAcknowledgedEvent
{
    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>The acknowledged update's uuid.</summary>
    public required ByteString Uuid { get; init; }
}

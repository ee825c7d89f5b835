namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Message</c>.</summary>
public sealed record ExecutorMessageEvent
{
    /// <summary>The payload.</summary>
    public required ByteString Data { get; init; }
}

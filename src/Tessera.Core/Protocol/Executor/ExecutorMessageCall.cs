namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Call.Message</c>.</summary>
public sealed record ExecutorMessageCall
{
    /// <summary>The payload.</summary>
    public required ByteString Data { get; init; }
}

namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Error</c>.</summary>
public sealed record ExecutorErrorEvent
{
    /// <summary>What went wrong.</summary>
    public required string Message { get; init; }
}

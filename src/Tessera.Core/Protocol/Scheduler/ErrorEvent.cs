namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Error</c>.</summary>
public sealed record ErrorEvent
{
    /// <summary>What went wrong.</summary>
    public required string Message { get; init; }
}

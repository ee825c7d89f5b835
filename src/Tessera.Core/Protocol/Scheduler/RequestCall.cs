namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Request</c>.</summary>
public sealed record RequestCall
{
    /// <summary>The requests.</summary>
    public IReadOnlyList<Request>? Requests { get; init; }
}

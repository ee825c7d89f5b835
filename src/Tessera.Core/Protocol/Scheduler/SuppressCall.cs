namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Suppress</c>.</summary>
public sealed record SuppressCall
{
    /// <summary>Roles to suppress (all when empty).</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}

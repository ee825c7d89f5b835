namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Revive</c>.</summary>
public sealed record ReviveCall
{
    /// <summary>Roles to revive (all when empty).</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}

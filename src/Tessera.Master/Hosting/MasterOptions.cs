using System.Collections.Immutable;
using Tessera.Core.Allocation;

namespace Tessera.Master.Hosting;

/// <summary>Everything <c>tessera master</c> is configured with; defaults follow Mesos except where noted.</summary>
public sealed record MasterOptions
{
    public string Ip { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 5050;
    public string? Hostname { get; init; }
    public required string WorkDir { get; init; }

    public TimeSpan AllocationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Mesos has no default: offers never expire unless set.</summary>
    public TimeSpan? OfferTimeout { get; init; }

    public TimeSpan AgentPingTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public int MaxAgentPingTimeouts { get; init; } = 5;

    /// <summary>After a restart, agents the registry knows have this long to re-register before they are marked unreachable.</summary>
    public TimeSpan AgentReregisterTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>5 s, not Mesos' 15 s: some clients give up after 10 s of silence.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the registry lives: <c>sqlite</c> (the embedded default) or <c>in_memory</c> (tests, nothing survives).</summary>
    public string Registry { get; init; } = "sqlite";

    /// <summary>Role whitelist; empty means any valid role.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    public ImmutableDictionary<string, double> Weights { get; init; } = ImmutableDictionary<string, double>.Empty;

    public AllocatorOptions Allocator { get; init; } = AllocatorOptions.Default;

    public int MaxCompletedFrameworks { get; init; } = 50;
    public int MaxCompletedTasksPerFramework { get; init; } = 1000;

    /// <summary>Bound of each framework's and agent's outgoing event queue; a consumer that falls this far behind is disconnected.</summary>
    public int MaxQueuedEvents { get; init; } = 10_000;

    public TimeSpan AgentPingInterval => AgentPingTimeout;
}

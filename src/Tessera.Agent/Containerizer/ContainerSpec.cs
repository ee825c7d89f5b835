using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// What to run in one container: a command (shell or argv) with its environment, in a sandbox, as
/// a user, limited to the resources the task or executor was given.
/// </summary>
internal sealed record ContainerSpec
{
    /// <summary>Unique on this agent; names the cgroups and the checkpoint folder.</summary>
    public required string ContainerId { get; init; }

    public required CommandInfo Command { get; init; }

    /// <summary>Absolute host path; created by the caller.</summary>
    public required string Sandbox { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Run as this user (null: as the agent's own user).</summary>
    public string? User { get; init; }

    public double Cpus { get; init; }

    public double MemMb { get; init; }

    /// <summary>The container's hostname when it has its own UTS namespace.</summary>
    public string? Hostname { get; init; }
}

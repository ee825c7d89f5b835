using Tessera.Core.Protocol;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a check command "inside the task's container". Today the task shares the agent's
/// namespaces, so <see cref="HostCheckCommandRunner"/> runs it on the host in the sandbox; a
/// containerizer with its own namespaces provides one that enters them (setns on
/// <see cref="CheckCommandRequest.TaskPid"/>), as Mesos' checker does.
/// </summary>
internal interface ICheckCommandRunner
{
    /// <summary>The exit code; cancelling <paramref name="ct"/> kills the command and throws <see cref="OperationCanceledException"/>.</summary>
    Task<CheckCommandExit> RunAsync(CheckCommandRequest command, CancellationToken ct);
}

/// <summary>
/// One check command: what to run, with which environment, where, for which task (its container's
/// pid and id: the pid is entered only while it is in that container's cgroups), as which user
/// (the task's; null: the agent's own).
/// </summary>
internal sealed record CheckCommandRequest(CommandInfo Command, IReadOnlyDictionary<string, string> Environment, string Sandbox, int? TaskPid, string? User = null, string? ContainerId = null);

/// <summary>How a check command ended: its status and the last line it wrote to stderr.</summary>
internal sealed record CheckCommandExit(int ExitCode, string? LastError);

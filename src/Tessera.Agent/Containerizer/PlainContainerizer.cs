using Tessera.Core.AgentLink;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// Process groups without cgroups or namespaces: for hosts where the agent isn't root or has no
/// cgroups. The agent announces it in its log and state so nobody mistakes it for isolation.
/// Its output goes through pipes held by the agent, so its containers can't outlive the agent and
/// are not recovered after a restart.
/// </summary>
internal sealed class PlainContainerizer(string reason) : IContainerizer
{
    public string Isolation { get; } = $"plain processes ({reason})";

    public IReadOnlyList<AgentContainerCheckpoint> Leftovers() => [];

    public Isolation.OrphanCgroups.Outcome? RemoveOrphanCgroups(DateTimeOffset now) => null;

    public IContainer Recover(AgentContainerCheckpoint container) =>
        throw new InvalidOperationException("plain containers are not recovered");

    public void Forget(string containerId)
    {
    }

    /// <summary>
    /// No namespaces or cgroups to enter: the command runs in the sandbox as the agent's user, in
    /// its own session (<c>setsid --</c>), whose group is killed when the command exits.
    /// </summary>
    public NestedLaunch Nested(IContainer parent, NestedSpec spec)
    {
        if (spec.User is { } user && user != Environment.UserName)
            throw new ContainerLaunchException($"cannot run as user '{user}': the agent runs as '{Environment.UserName}' without isolation");
        return NestedLaunch.Of(["setsid", "--", .. CommandLine.Argv(spec.Command)], spec.Sandbox, spec.Environment, statusFile: null, killGroupOnExit: true);
    }

    public IContainer Launch(ContainerSpec spec)
    {
        if (spec.User is { } user && user != Environment.UserName)
            throw new ContainerLaunchException($"cannot run as user '{user}': the agent runs as '{Environment.UserName}' without isolation");
        try
        {
            return PlainContainer.Start(spec.ContainerId, spec.Command, spec.Sandbox, spec.Environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or ArgumentException or InvalidOperationException)
        {
            throw new ContainerLaunchException($"failed to launch: {e.Message}", e);
        }
    }
}

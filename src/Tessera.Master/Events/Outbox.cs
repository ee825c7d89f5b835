using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.State;

namespace Tessera.Master.Events;

/// <summary>Sends events to frameworks and commands to agents over their open streams; a closed stream just drops them.</summary>
internal sealed class Outbox
{
    /// <summary>Sends <paramref name="evt"/> if the framework is connected; false when it could not be sent.</summary>
    public bool ToFramework(FrameworkRecord framework, SchedulerEvent evt)
    {
        if (framework.Connection is not { } connection) return false;
        if (connection.Send(MesosJson.SerializeToUtf8Bytes(evt))) return true;
        // Too far behind: treat it as a disconnect so failover handling starts.
        framework.Connection = null;
        return false;
    }

    /// <summary>Pending commands kept per agent while it has no stream.</summary>
    public const int MaxPendingAgentCommands = 10_000;

    public bool ToAgent(AgentRecord agent, AgentCommand command)
    {
        var json = MesosJson.SerializeToUtf8Bytes(command);
        if (agent.Connection is { } connection)
        {
            if (connection.Send(json)) return true;
            agent.Connection = null;
        }
        // A ping is only meaningful now; anything else waits for the stream to open.
        if (command.Type != AgentCommandType.PING && agent.PendingCommands.Count < MaxPendingAgentCommands)
            agent.PendingCommands.Enqueue(json);
        return false;
    }

    /// <summary>The stream just opened: what was made while it was away goes out first, in order.</summary>
    public void FlushPending(AgentRecord agent)
    {
        while (agent.Connection is { } connection && agent.PendingCommands.TryPeek(out var json))
        {
            if (!connection.Send(json)) return;
            agent.PendingCommands.Dequeue();
        }
    }
}

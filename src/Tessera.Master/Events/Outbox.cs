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

    public bool ToAgent(AgentRecord agent, AgentCommand command)
    {
        if (agent.Connection is not { } connection) return false;
        if (connection.Send(MesosJson.SerializeToUtf8Bytes(command))) return true;
        agent.Connection = null;
        return false;
    }
}

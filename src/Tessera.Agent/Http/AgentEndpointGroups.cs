using Microsoft.AspNetCore.Builder;

namespace Tessera.Agent.Http;

/// <summary>Every endpoint group of the agent, mapped in one place so the list is easy to read.</summary>
internal static class AgentEndpointGroups
{
    public static void Map(WebApplication app, AgentRuntime rt)
    {
        // Each group is a static class with a Map(app, rt) of its own.
        FilesEndpoints.Map(app, rt);
        AgentOperatorEndpoints.Map(app, rt);
        AgentMetricsEndpoints.Map(app, rt);
        ExecutorEndpoint.Map(app, rt);
    }
}

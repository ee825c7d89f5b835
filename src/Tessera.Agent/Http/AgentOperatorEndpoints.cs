using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Agent.Operator;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Http;

namespace Tessera.Agent.Http;

/// <summary>
/// <c>POST /api/v1</c>: the Mesos v1 agent Operator API, JSON. Queries answer 200 with
/// <c>{"type":T,"t":{...}}</c> from a snapshot taken on the agent loop and serialised off it; the
/// nested container calls are <see cref="NestedContainerEndpoints"/>.
/// </summary>
internal static class AgentOperatorEndpoints
{
    public static void Map(WebApplication app, AgentRuntime rt) => app.MapPost("/api/v1", http => Handle(http, rt));

    private static async Task Handle(HttpContext http, AgentRuntime rt)
    {
        // A session answers application/recordio: each call checks Accept itself.
        if (await AgentJsonRequest.ReadOrReject<AgentCall>(http, AgentJsonRequest.OperatorApi) is not { } call) return;
        if (call.Type == AgentCallType.LAUNCH_NESTED_CONTAINER_SESSION)
        {
            await NestedContainerEndpoints.LaunchSession(http, rt, call);
            return;
        }
        if (call.Type == AgentCallType.WAIT_NESTED_CONTAINER)
        {
            await NestedContainerEndpoints.Wait(http, rt, call);
            return;
        }
        if (!MediaTypes.Accepts(http.Request.Headers.Accept))
        {
            await AgentReplies.Text(http, StatusCodes.Status406NotAcceptable, "Accept: this endpoint answers application/json only");
            return;
        }
        switch (call.Type)
        {
            case null:
                await AgentReplies.Text(http, StatusCodes.Status400BadRequest, "'type' is required");
                return;
            case AgentCallType.UNKNOWN:
                await AgentReplies.Text(http, StatusCodes.Status400BadRequest, "'type' is not a known agent call type");
                return;
            case AgentCallType.GET_CONTAINERS:
                var snapshot = await rt.AskAsync(AgentSnapshot.Take, http.RequestAborted);
                var containers = AgentContainers.Of(snapshot, rt.Clock.GetUtcNow());
                await AgentReplies.Json(http, MesosJson.SerializeToUtf8Bytes(new AgentResponse { Type = AgentCallType.GET_CONTAINERS, GetContainers = containers }));
                return;
            case { } type when AgentOperatorQueries.IsQuery(type):
                var state = await rt.AskAsync(AgentSnapshot.Take, http.RequestAborted);
                await AgentReplies.Json(http, MesosJson.SerializeToUtf8Bytes(AgentOperatorQueries.Answer(type, state)));
                return;
            default:
                await AgentReplies.Text(http, StatusCodes.Status400BadRequest, $"'type': {call.Type} is not supported by this agent");
                return;
        }
    }
}

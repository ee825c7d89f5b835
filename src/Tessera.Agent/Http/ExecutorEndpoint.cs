using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Agent.Http;

/// <summary>
/// <c>POST /api/v1/executor</c>, the Mesos v1 Executor HTTP API: SUBSCRIBE answers 200 with a
/// chunked RecordIO stream of events (SUBSCRIBED first); UPDATE, MESSAGE and HEARTBEAT answer 202.
/// The state behind it is the agent loop's (<see cref="Executors.ExecutorManager"/>).
/// </summary>
internal static class ExecutorEndpoint
{
    public static void Map(WebApplication app, AgentRuntime rt) =>
        app.MapPost("/api/v1/executor", (HttpContext http) => HandleAsync(http, rt));

    private static async Task HandleAsync(HttpContext http, AgentRuntime rt)
    {
        var (call, refusal) = await ExecutorRequest.ReadAsync(http);
        if (call is null)
        {
            await ExecutorRequest.WriteAsync(http, refusal!);
            return;
        }
        var ct = http.RequestAborted;
        switch (call.Type)
        {
            case ExecutorCallType.SUBSCRIBE:
                await SubscribeAsync(http, rt, call);
                break;
            case ExecutorCallType.UPDATE:
                await ExecutorRequest.WriteAsync(http, await rt.AskAsync(r => r.Executors.Update(call), ct));
                break;
            case ExecutorCallType.MESSAGE:
                await ExecutorRequest.WriteAsync(http, await rt.AskAsync(r => r.Executors.Message(call), ct));
                break;
            default:
                await ExecutorRequest.WriteAsync(http, await rt.AskAsync(r => r.Executors.Heartbeat(call), ct));
                break;
        }
    }

    private static async Task SubscribeAsync(HttpContext http, AgentRuntime rt, ExecutorCall call)
    {
        var (stream, refusal) = await rt.AskAsync(r => r.Executors.Subscribe(call), http.RequestAborted);
        if (stream is null)
        {
            await ExecutorRequest.WriteAsync(http, refusal!);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        var key = (call.FrameworkId.Value, call.ExecutorId.Value);
        try
        {
            await http.Response.StartAsync(http.RequestAborted);
            await stream.PumpAsync(http.Response.Body, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            rt.Post(r => r.Executors.StreamClosed(key, stream));
        }
    }
}

using Microsoft.AspNetCore.Http;
using Tessera.Agent.Executors;
using Tessera.Core.Protocol.Executor;
using Tessera.Http;

namespace Tessera.Agent.Http;

/// <summary>
/// Reads an executor call as Mesos' agent does (JSON only, 406/415/413/400 naming the field), then
/// checks the call as a whole (<see cref="ExecutorCallCheck"/>) before anything acts on it.
/// </summary>
internal static class ExecutorRequest
{
    public static async Task<(ExecutorCall? Call, ExecutorCallOutcome? Refusal)> ReadAsync(HttpContext http)
    {
        var read = await MesosBody.ReadAsync<ExecutorCall>(http, AgentJsonRequest.ExecutorApi);
        if (read.Value is not { } call) return (null, new ExecutorCallOutcome(read.Status, read.Problem));
        return ExecutorCallCheck.Problem(call) is { } problem ? (null, ExecutorCallOutcome.BadRequest(problem)) : (call, null);
    }

    public static async Task WriteAsync(HttpContext http, ExecutorCallOutcome outcome)
    {
        http.Response.StatusCode = outcome.Status;
        if (outcome.Message is { } message)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(Refusals.OneLine(message), http.RequestAborted);
        }
    }
}

using Microsoft.AspNetCore.Http;
using Tessera.Agent.Executors;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.Http;

/// <summary>
/// Reads an executor call as Mesos' agent does: JSON only (protobuf is 415 here), an Accept that
/// rules JSON out is 406, a body too large 413, malformed JSON 400 naming the field.
/// </summary>
internal static class ExecutorRequest
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<(ExecutorCall? Call, ExecutorCallOutcome? Refusal)> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, new(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{contentType}' is not supported; send application/json"));
        if (!AcceptHeader.AllowsJson(request.Headers.Accept))
            return (null, new(StatusCodes.Status406NotAcceptable, "this endpoint answers application/json only"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return (null, new(StatusCodes.Status413PayloadTooLarge, $"request body is larger than {MaxBodyBytes} bytes"));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, ExecutorCallOutcome.BadRequest("request body is empty; expected a JSON executor call"));
        ExecutorCall call;
        try
        {
            call = MesosJson.Deserialize<ExecutorCall>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (MesosJsonException e)
        {
            return (null, ExecutorCallOutcome.BadRequest(e.Message));
        }
        return ExecutorCallCheck.Problem(call) is { } problem ? (null, ExecutorCallOutcome.BadRequest(problem)) : (call, null);
    }

    public static async Task WriteAsync(HttpContext http, ExecutorCallOutcome outcome)
    {
        http.Response.StatusCode = outcome.Status;
        if (outcome.Message is { } message)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(message, http.RequestAborted);
        }
    }
}

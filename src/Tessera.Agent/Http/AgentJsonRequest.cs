using Microsoft.AspNetCore.Http;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.Http;

/// <summary>
/// Reads a JSON call body the way the master's Operator API does: a Content-Type other than
/// application/json is 415 (protobuf is not supported), an Accept that rules JSON out is 406, a body
/// over 1 MiB is 413, an empty or malformed body is 400 naming the field and the rule.
/// </summary>
internal static class AgentJsonRequest
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The parsed body, or null after the error was answered.</summary>
    /// <param name="checkAccept">False when the caller checks Accept itself (a call that may answer a stream).</param>
    public static async Task<T?> ReadOrReject<T>(HttpContext http, bool checkAccept = true) where T : class
    {
        var request = http.Request;
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await AgentReplies.Text(http, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{type}' is not supported; send application/json (protobuf is not supported yet)");
            return null;
        }
        if (checkAccept && !AcceptHeader.AllowsJson(request.Headers.Accept))
        {
            await AgentReplies.Text(http, StatusCodes.Status406NotAcceptable, "this endpoint answers application/json only");
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await AgentReplies.Text(http, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {MaxBodyBytes} bytes");
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            await AgentReplies.Text(http, StatusCodes.Status400BadRequest, "request body is empty; expected a JSON object");
            return null;
        }
        try
        {
            return MesosJson.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (MesosJsonException e)
        {
            await AgentReplies.Text(http, StatusCodes.Status400BadRequest, e.Message);
            return null;
        }
    }
}

using Microsoft.AspNetCore.Http;
using Tessera.Core.Protocol.Json;

namespace Tessera.Master.Http;

/// <summary>
/// Reads a JSON request body as Mesos does: JSON only (protobuf comes later: 415), a missing Accept
/// means JSON, an Accept that rules JSON out is 406, a body over the limit is 413, malformed JSON is
/// 400 with the path and the rule.
/// </summary>
internal static class JsonRequest
{
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public sealed record Result<T>(T? Value, int Status, string? Error);

    public static async Task<Result<T>> Read<T>(HttpContext http) where T : class
    {
        var request = http.Request;
        var contentType = request.ContentType;
        if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return new(null, StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{contentType}' is not supported; send application/json (protobuf is not supported yet)");
        if (!AcceptsJson(request.Headers.Accept))
            return new(null, StatusCodes.Status406NotAcceptable, "this endpoint answers application/json only");
        if (request.ContentLength > MaxBodyBytes)
            return new(null, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {MaxBodyBytes} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return new(null, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {MaxBodyBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return new(null, StatusCodes.Status400BadRequest, "request body is empty; expected a JSON object");
        try
        {
            return new(MesosJson.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 200, null);
        }
        catch (MesosJsonException e)
        {
            return new(null, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    /// <summary>The parsed body, or null after answering the error (the caller just returns).</summary>
    public static async Task<T?> ReadOrReject<T>(HttpContext http) where T : class
    {
        var read = await Read<T>(http);
        if (read.Value is null) await HttpReplies.Write(http, new Loop.CallOutcome(read.Status, read.Error));
        return read.Value;
    }

    private static bool AcceptsJson(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0) return true;
        foreach (var value in accept)
            foreach (var part in (value ?? "").Split(','))
            {
                var type = part.Split(';')[0].Trim();
                if (type.Length == 0 || type is "*/*" or "application/*" || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                    || type.Equals("application/recordio", StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        return false;
    }
}

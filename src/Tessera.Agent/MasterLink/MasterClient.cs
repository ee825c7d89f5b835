using System.Net;
using System.Net.Http.Headers;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Json;

namespace Tessera.Agent.MasterLink;

/// <summary>The agent side of the agent link (docs/agent-protocol.md): plain HTTP calls to the master.</summary>
internal sealed class MasterClient(HttpClient http)
{
    public sealed record Reply<T>(T? Value, HttpStatusCode Status, string? Error);

    public async Task<Reply<AgentRegistered>> RegisterAsync(AgentRegistration registration, CancellationToken ct)
    {
        using var response = await http.SendAsync(Post("/agent/v1/register", registration), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return response.StatusCode == HttpStatusCode.OK
            ? new(MesosJson.Deserialize<AgentRegistered>(body), response.StatusCode, null)
            : new(null, response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
    }

    /// <summary>Opens the command stream; the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string agentId, CancellationToken ct)
    {
        var response = await http.SendAsync(Post("/agent/v1/stream", new AgentStreamRequest { AgentId = Core.Protocol.AgentID.Of(agentId) }), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new HttpRequestException($"stream refused: {(int)response.StatusCode} {error}", null, response.StatusCode);
        }
        return response;
    }

    public async Task PongAsync(AgentPong pong, CancellationToken ct)
    {
        using var response = await http.SendAsync(Post("/agent/v1/pong", pong), ct);
    }

    /// <summary>Sends pending updates together; returns one receipt per update (HTTP-like codes).</summary>
    public async Task<IReadOnlyList<AgentStatusReceipt>> SendStatusesAsync(IReadOnlyList<AgentStatusUpdate> updates, CancellationToken ct)
    {
        using var response = await http.SendAsync(Post("/agent/v1/statuses", new AgentStatusUpdates { Updates = updates }), ct);
        response.EnsureSuccessStatusCode();
        return MesosJson.Deserialize<AgentStatusReceipts>(await response.Content.ReadAsByteArrayAsync(ct)).Receipts;
    }

    /// <summary>An executor ended (<c>/agent/v1/executor-exited</c>); returns the master's status code.</summary>
    public async Task<HttpStatusCode> ExecutorExitedAsync(AgentExecutorExited exited, CancellationToken ct)
    {
        using var response = await http.SendAsync(Post("/agent/v1/executor-exited", exited), ct);
        return response.StatusCode;
    }

    /// <summary>An executor's message for its framework (<c>/agent/v1/message</c>); returns the master's status code.</summary>
    public async Task<HttpStatusCode> ExecutorMessageAsync(AgentExecutorMessage message, CancellationToken ct)
    {
        using var response = await http.SendAsync(Post("/agent/v1/message", message), ct);
        return response.StatusCode;
    }

    private static HttpRequestMessage Post<T>(string path, T body)
    {
        var content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}

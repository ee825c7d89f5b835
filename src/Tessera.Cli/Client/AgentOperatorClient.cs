using System.Net;
using System.Net.Http.Headers;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Cli.Client;

/// <summary>
/// An agent's v1 Operator API (<c>POST /api/v1</c>, docs/agent-api.md) as <c>task run</c> uses it:
/// GET_CONTAINERS, LAUNCH_NESTED_CONTAINER_SESSION (a stream of <see cref="ProcessIO"/> records,
/// read as it comes) and WAIT_NESTED_CONTAINER. Transport failures are exit code 3, refusals one
/// line with the agent's own reason.
/// </summary>
internal sealed class AgentOperatorClient(Uri agent, HttpMessageHandler? handler = null) : IDisposable
{
    // No overall timeout: a session lasts as long as its command; the short calls get their own.
    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = agent,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public Uri Agent => agent;

    public async Task<AgentResponse> CallAsync(AgentCall call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // WAIT_NESTED_CONTAINER answers when the command has ended, which the session already saw.
        timeout.CancelAfter(CallTimeout);
        using var reply = await SendAsync(call, "application/json", HttpCompletionOption.ResponseContentRead, timeout.Token, ct);
        var body = await reply.Content.ReadAsByteArrayAsync(ct);
        try
        {
            return MesosJson.Deserialize<AgentResponse>(body);
        }
        catch (MesosJsonException e)
        {
            throw new CliException($"the agent's answer to {call.Type} is not what this client understands: {e.Message}");
        }
    }

    /// <summary>Starts a session and hands each output record to <paramref name="output"/> as it arrives; returns when the stream ends.</summary>
    public async Task SessionAsync(LaunchNestedContainerSessionCall launch, Action<ProcessIODataType, byte[]> output, CancellationToken ct)
    {
        var call = new AgentCall { Type = AgentCallType.LAUNCH_NESTED_CONTAINER_SESSION, LaunchNestedContainerSession = launch };
        using var reply = await SendAsync(call, "application/recordio", HttpCompletionOption.ResponseHeadersRead, ct, ct);
        await using var stream = await reply.Content.ReadAsStreamAsync(ct);
        var decoder = new RecordIoDecoder();
        var buffer = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                foreach (var record in decoder.Feed(buffer.AsSpan(0, read)))
                    if (MesosJson.Deserialize<ProcessIO>(record) is { Type: ProcessIOType.DATA, Data: { Type: { } type, Data: { } data } })
                        output(type, data.ToArray());
        }
        catch (Exception e) when (e is RecordIoException or MesosJsonException)
        {
            throw new CliException($"the agent's session stream is not what this client understands: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"the session with the agent at {agent} broke off: {e.InnerException?.Message ?? e.Message}", TesseraCommand.ExitUnreachable, e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(AgentCall call, string accept, HttpCompletionOption completion, CancellationToken token, CancellationToken caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1") { Content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(call)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.Add("Message-Accept", "application/json");
        HttpResponseMessage reply;
        try
        {
            reply = await _http.SendAsync(request, completion, token);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the agent at {agent}: {e.InnerException?.Message ?? e.Message}", TesseraCommand.ExitUnreachable, e);
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            throw new CliException($"cannot reach the agent at {agent}: no answer within {CallTimeout.TotalSeconds:0} s", TesseraCommand.ExitUnreachable, e);
        }
        if (reply.IsSuccessStatusCode) return reply;
        using (reply)
        {
            var text = (await reply.Content.ReadAsStringAsync(caller)).Trim();
            throw new CliException($"the agent at {agent} refused {call.Type}: {(int)reply.StatusCode} {text}",
                reply.StatusCode == HttpStatusCode.BadRequest ? TesseraCommand.ExitUsage : TesseraCommand.ExitFailure);
        }
    }

    public void Dispose() => _http.Dispose();
}

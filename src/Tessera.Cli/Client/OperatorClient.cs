using System.Net;
using System.Net.Http.Headers;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Client;

/// <summary>
/// The master's v1 Operator API (<c>POST /api/v1</c>, JSON) as the CLI uses it: one call, one
/// response; follows a non-leading master's redirect; turns transport failures into exit code 3
/// and refusals into one-line errors with the master's own message.
/// </summary>
internal sealed class OperatorClient(Uri master, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = true, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = master,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Uri Master => master;

    public async Task<OperatorResponse> CallAsync(OperatorCall call, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1")
        {
            Content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(call)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage reply;
        try
        {
            reply = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw CliException.Unreachable(master, e.InnerException?.Message ?? e.Message, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw CliException.Unreachable(master, "no answer within 30 s", e);
        }
        using (reply)
        {
            var body = await reply.Content.ReadAsByteArrayAsync(ct);
            if (reply.StatusCode == HttpStatusCode.ServiceUnavailable)
                throw CliException.Unreachable(master, "no leading master is elected yet");
            if (!reply.IsSuccessStatusCode)
                throw new CliException($"the master refused {call.Type}: {(int)reply.StatusCode} {System.Text.Encoding.UTF8.GetString(body).Trim()}");
            if (body.Length == 0) return new OperatorResponse { Type = call.Type };
            try
            {
                return MesosJson.Deserialize<OperatorResponse>(body);
            }
            catch (MesosJsonException e)
            {
                throw new CliException($"the master's answer to {call.Type} is not what this client understands: {e.Message}");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}

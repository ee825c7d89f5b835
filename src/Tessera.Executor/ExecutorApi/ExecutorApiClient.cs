using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Executor.ExecutorApi;

/// <summary>HTTP client of the agent's <c>POST /api/v1/executor</c>: JSON calls, the SUBSCRIBE RecordIO stream.</summary>
public sealed class ExecutorApiClient(ExecutorSettings settings, HttpClient http)
{
    /// <summary>No event (the agent sends HEARTBEAT every 30 s) for this long means the stream is dead.</summary>
    public static readonly TimeSpan StreamSilenceLimit = TimeSpan.FromSeconds(95);

    private ExecutorCall Call(ExecutorCallType type) => new()
    {
        Type = type,
        FrameworkId = new FrameworkID { Value = settings.FrameworkId },
        ExecutorId = new ExecutorID { Value = settings.ExecutorId },
    };

    /// <summary>SUBSCRIBE; the events of the stream until it ends. Throws <see cref="ExecutorApiException"/> if refused.</summary>
    public async IAsyncEnumerable<ExecutorEvent> SubscribeAsync(ExecutorSubscribeCall subscribe, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = Request(Call(ExecutorCallType.SUBSCRIBE) with { Subscribe = subscribe });
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new ExecutorApiException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var decoder = new RecordIoDecoder();
        var buffer = new byte[16384];
        while (true)
        {
            int read;
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                silence.CancelAfter(StreamSilenceLimit);
                try
                {
                    read = await stream.ReadAsync(buffer, silence.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    yield break;
                }
            }

            if (read == 0) yield break;
            foreach (var record in decoder.Feed(buffer.AsSpan(0, read)))
                yield return MesosJson.Deserialize<ExecutorEvent>(record);
        }
    }

    /// <summary>UPDATE; true when the agent took it (202).</summary>
    public Task<bool> UpdateAsync(MesosTaskStatus status, CancellationToken ct) =>
        SendAsync(Call(ExecutorCallType.UPDATE) with { Update = new ExecutorUpdateCall { Status = status } }, ct);

    /// <summary>MESSAGE to the framework; true when the agent took it.</summary>
    public Task<bool> MessageAsync(ByteString data, CancellationToken ct) =>
        SendAsync(Call(ExecutorCallType.MESSAGE) with { Message = new ExecutorMessageCall { Data = data } }, ct);

    private async Task<bool> SendAsync(ExecutorCall call, CancellationToken ct)
    {
        using var request = Request(call);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private HttpRequestMessage Request(ExecutorCall call)
    {
        var content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(call));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}

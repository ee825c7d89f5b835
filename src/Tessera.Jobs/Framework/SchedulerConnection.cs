using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Jobs.Framework;

/// <summary>
/// The transport of the Mesos v1 Scheduler API (<c>POST /api/v1/scheduler</c>, JSON): SUBSCRIBE
/// opens the RecordIO event stream and yields its <c>Mesos-Stream-Id</c>, which every later call
/// echoes; redirects (307 from a non-leading master) are followed and later calls go to the master
/// that answered. Failures are <see cref="SchedulerConnectionException"/>s: unreachable (no answer,
/// no leader, the stream lost) or a refusal with the master's message. Shared by <c>tessera run</c>
/// and the jobs scheduler.
/// </summary>
public sealed class SchedulerConnection : IAsyncDisposable
{
    private const string Path = "/api/v1/scheduler";
    private readonly HttpClient _http;
    private Uri _master;
    private HttpResponseMessage? _subscription;
    private string? _streamId;

    public SchedulerConnection(Uri master, HttpMessageHandler? handler = null)
    {
        _master = master;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = true, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The master that accepted the subscription (the leader).</summary>
    public Uri Master => _master;

    /// <summary>Subscribes and returns the event stream; the first event is SUBSCRIBED (or ERROR).</summary>
    public async Task<IAsyncEnumerable<SchedulerEvent>> SubscribeAsync(FrameworkInfo info, CancellationToken ct)
    {
        var call = new SchedulerCall { Type = SchedulerCallType.SUBSCRIBE, Subscribe = new SubscribeCall { FrameworkInfo = info } };
        var response = await SendAsync(call, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            using (response) throw await RefusedAsync(call, response, ct);
        }
        if (response.RequestMessage?.RequestUri is { } answered)
            _master = new Uri(answered.GetLeftPart(UriPartial.Authority));
        _streamId = response.Headers.TryGetValues("Mesos-Stream-Id", out var ids) ? ids.FirstOrDefault() : null;
        _subscription = response;
        return ReadEventsAsync(response);
    }

    /// <summary>Posts a call on the subscribed stream; the master answers 202.</summary>
    public async Task CallAsync(SchedulerCall call, CancellationToken ct)
    {
        using var response = await SendAsync(call, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode) throw await RefusedAsync(call, response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(SchedulerCall call, HttpCompletionOption completion, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_master, Path))
        {
            Content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(call)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_streamId is not null) request.Headers.Add("Mesos-Stream-Id", _streamId);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (completion == HttpCompletionOption.ResponseContentRead) timeout.CancelAfter(TimeSpan.FromSeconds(30));
            return await _http.SendAsync(request, completion, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw SchedulerConnectionException.CannotReach(_master, e.InnerException?.Message ?? e.Message, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw SchedulerConnectionException.CannotReach(_master, $"no answer to {call.Type} within 30 s", e);
        }
    }

    private async Task<SchedulerConnectionException> RefusedAsync(SchedulerCall call, HttpResponseMessage response, CancellationToken ct)
    {
        var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
        return response.StatusCode == HttpStatusCode.ServiceUnavailable
            ? SchedulerConnectionException.CannotReach(_master, "no leading master is elected yet")
            : new SchedulerConnectionException($"the master refused {call.Type}: {(int)response.StatusCode} {body}", false);
    }

    private static async IAsyncEnumerable<SchedulerEvent> ReadEventsAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var decoder = new RecordIoDecoder();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new SchedulerConnectionException($"lost the master's event stream: {e.Message}", true, e);
            }
            if (read == 0) yield break;
            foreach (var record in decoder.Feed(buffer.AsSpan(0, read)))
                yield return MesosJson.Deserialize<SchedulerEvent>(record);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _http.Dispose();
        await ValueTask.CompletedTask;
    }
}

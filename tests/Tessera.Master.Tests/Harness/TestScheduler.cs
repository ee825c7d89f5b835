using System.Net;
using System.Text;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Master.Tests.Harness;

/// <summary>
/// A minimal Mesos v1 scheduler client for tests: SUBSCRIBE over a real HTTP stream, events read in
/// the background, calls posted with the stream id. Speaks exactly the JSON a third-party client would.
/// </summary>
internal sealed class TestScheduler : IAsyncDisposable
{
    private readonly HttpClient _http;
    private RecordStream? _stream;

    // No draining of a dropped stream: by default the handler may read on for up to 2 s
    // (ResponseDrainTimeout) to reuse the connection, and the master would see a scheduler that
    // "vanished" that much later.
    public TestScheduler(Uri master) => _http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = master, Timeout = Timeout.InfiniteTimeSpan };

    public string? FrameworkId { get; private set; }
    public string? StreamId { get; private set; }
    public HttpResponseMessage? SubscribeResponse { get; private set; }
    public RecordStream Stream => _stream ?? throw new InvalidOperationException("not subscribed");

    public static FrameworkInfo Info(string name = "test", params FrameworkCapabilityType[] capabilities) => new()
    {
        User = "root",
        Name = name,
        FailoverTimeout = 60,
        Capabilities = capabilities.Length == 0 ? null : [.. capabilities.Select(c => new FrameworkCapability { Type = c })],
    };

    public async Task<SchedulerEvent> SubscribeAsync(FrameworkInfo info, string? frameworkId = null)
    {
        if (_stream is not null) await _stream.DisposeAsync();
        var call = new SchedulerCall
        {
            Type = SchedulerCallType.SUBSCRIBE,
            FrameworkId = frameworkId is null ? null : FrameworkID.Of(frameworkId),
            Subscribe = new SubscribeCall { FrameworkInfo = frameworkId is null ? info : info with { Id = FrameworkID.Of(frameworkId) } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = Json(MesosJson.Serialize(call)) };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        SubscribeResponse = response;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"SUBSCRIBE answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        StreamId = response.Headers.GetValues("Mesos-Stream-Id").Single();
        _stream = new RecordStream(response);
        var subscribed = await NextAsync(SchedulerEventType.SUBSCRIBED);
        FrameworkId = subscribed.Subscribed!.FrameworkId.Value;
        return subscribed;
    }

    /// <summary>The next event of <paramref name="type"/>, skipping heartbeats and other types; fails after the timeout.</summary>
    public async Task<SchedulerEvent> NextAsync(SchedulerEventType type, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var record = await Stream.NextAsync(deadline - DateTime.UtcNow);
            if (record is null) break;
            var evt = MesosJson.Deserialize<SchedulerEvent>(record);
            Received.Add(evt);
            if (evt.Type == type) return evt;
        }
        throw new TimeoutException($"no {type} event arrived (got: {string.Join(", ", Received.Select(e => e.Type))})");
    }

    /// <summary>Returns the next event of the type if one comes within <paramref name="wait"/>; null otherwise.</summary>
    public async Task<SchedulerEvent?> MaybeNextAsync(SchedulerEventType type, TimeSpan wait)
    {
        try
        {
            return await NextAsync(type, wait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async Task<MesosTaskStatus> NextUpdateAsync(string taskId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var evt = await NextAsync(SchedulerEventType.UPDATE, deadline - DateTime.UtcNow);
            if (evt.Update!.Status.TaskId.Value == taskId) return evt.Update.Status;
        }
    }

    public List<SchedulerEvent> Received { get; } = [];

    /// <summary>The newest offer once the stream has been quiet (no event) for a while: the one outstanding.</summary>
    public async Task<Offer> LatestOfferAsync()
    {
        while (await Stream.NextAsync(TimeSpan.FromMilliseconds(250)) is { } record)
            Received.Add(MesosJson.Deserialize<SchedulerEvent>(record));
        var seen = Received.LastOrDefault(e => e.Type == SchedulerEventType.OFFERS);
        return (seen ?? await NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
    }

    public async Task<HttpResponseMessage> CallAsync(SchedulerCall call, string? streamId = null, bool withStream = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = Json(MesosJson.Serialize(call with { FrameworkId = call.FrameworkId ?? (FrameworkId is null ? null : FrameworkID.Of(FrameworkId)) })) };
        if (withStream && (streamId ?? StreamId) is { } id) request.Headers.Add("Mesos-Stream-Id", id);
        // The client has no timeout (it also holds the event stream); a call gets 30 s, so a test fails instead of hanging.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _http.SendAsync(request, deadline.Token);
    }

    public Task<HttpResponseMessage> PostRawAsync(string body, string? contentType = "application/json", string? accept = null, string? streamId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (streamId is not null) request.Headers.Add("Mesos-Stream-Id", streamId);
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task DisconnectAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _stream = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _http.Dispose();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

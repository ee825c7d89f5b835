using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// A real framework on the fuzzed master: subscribed over the v1 Scheduler API, reading its event
/// stream in the background, keeping the newest offer, the updates and their uuids. The samples'
/// placeholders (<c>{{framework_id}}</c>, <c>{{offer_id}}</c>, …) are filled from it, so a valid
/// sample is a call that a well-behaved framework could make right now.
/// </summary>
public sealed class FuzzFramework : IAsyncDisposable
{
    private readonly HttpClient _http;
    private CancellationTokenSource _readerStop = new();
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private Task _reader = Task.CompletedTask;

    public FuzzFramework(Uri master)
    {
        _http = new HttpClient { BaseAddress = master, Timeout = Timeout.InfiniteTimeSpan };
        _values["user"] = Environment.UserName;
    }

    /// <summary>The framework as it subscribed (roles <c>*</c> and <c>fuzz</c>), to undo a mutated UPDATE_FRAMEWORK.</summary>
    public const string UpdateFramework = """{"type":"UPDATE_FRAMEWORK","framework_id":{"value":"{{framework_id}}"},"update_framework":{"framework_info":{"id":{"value":"{{framework_id}}"},"user":"{{user}}","name":"fuzz","checkpoint":true,"failover_timeout":3600,"roles":["*","fuzz"],"capabilities":[{"type":"MULTI_ROLE"},{"type":"PARTITION_AWARE"},{"type":"TASK_KILLING_STATE"}]}}}""";

    /// <summary>The values the samples' placeholders take now.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public void Set(string name, string value) => _values[name] = value;

    /// <summary>
    /// Subscribes and waits for the first offer. Again after a lost stream it fails over to the same
    /// framework id; after a TEARDOWN (the master refuses the old id) it is a new framework.
    /// </summary>
    public async Task SubscribeAsync(CancellationToken ct)
    {
        // A removed framework's id is answered 200 and then an ERROR event that ends the stream.
        if (!await TrySubscribeAsync(_values.GetValueOrDefault("framework_id"), ct).ConfigureAwait(false)
            && !await TrySubscribeAsync(null, ct).ConfigureAwait(false))
            throw new InvalidOperationException($"fuzz framework: SUBSCRIBE failed ({EndReason})");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_values.ContainsKey("offer_id") && DateTime.UtcNow < deadline) await Task.Delay(20, ct).ConfigureAwait(false);
        if (!_values.ContainsKey("offer_id")) throw new TimeoutException("fuzz framework: no offer within 30 s");
    }

    private async Task<bool> TrySubscribeAsync(string? frameworkId, CancellationToken ct)
    {
        await _readerStop.CancelAsync();
        await _reader.ConfigureAwait(false);
        _readerStop = new CancellationTokenSource();
        _values.TryRemove("offer_id", out _);
        _offers.Clear();
        _states.Clear();
        _subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var response = await SubscribeCallAsync(frameworkId, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            EndReason = $"SUBSCRIBE answered {(int)response.StatusCode}";
            response.Dispose();
            return false;
        }
        _values["stream_id"] = response.Headers.GetValues("Mesos-Stream-Id").Single();
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var stop = _readerStop.Token;
        _reader = Task.Run(() => ReadAsync(response, stream, stop), CancellationToken.None);
        await Task.WhenAny(_subscribed.Task, _reader).WaitAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        return _subscribed.Task.IsCompleted && !_reader.IsCompleted;
    }

    private TaskCompletionSource _subscribed = new();

    private Task<HttpResponseMessage> SubscribeCallAsync(string? frameworkId, CancellationToken ct)
    {
        var id = frameworkId is null ? "" : "\"id\":{\"value\":\"" + frameworkId + "\"},";
        var body = Fill("""{"type":"SUBSCRIBE",FW"subscribe":{"framework_info":{IDuser":"{{user}}","name":"fuzz","checkpoint":true,"failover_timeout":3600,"roles":["*","fuzz"],"capabilities":[{"type":"MULTI_ROLE"},{"type":"PARTITION_AWARE"},{"type":"TASK_KILLING_STATE"}]}}}""")
            .Replace("FW", frameworkId is null ? "" : "\"framework_id\":{\"value\":\"" + frameworkId + "\"},", StringComparison.Ordinal)
            .Replace("ID", id + "\"", StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = Json(body) };
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>True while the event stream is open.</summary>
    public bool Connected => !_reader.IsCompleted;

    /// <summary>True when the event stream has ended or ends within <paramref name="wait"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan wait)
    {
        await Task.WhenAny(_reader, Task.Delay(wait)).ConfigureAwait(false);
        return _reader.IsCompleted;
    }

    /// <summary>A scheduler call as this framework, with its stream id; the answer's status.</summary>
    public async Task<int> CallAsync(string body, CancellationToken ct) =>
        (await CallForTextAsync(body, ct).ConfigureAwait(false)).Status;

    /// <summary>A scheduler call as this framework; the answer's status and body (for error messages).</summary>
    public async Task<(int Status, string Text)> CallForTextAsync(string body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = Json(Fill(body)) };
        request.Headers.Add("Mesos-Stream-Id", _values["stream_id"]);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
    }

    /// <summary><paramref name="template"/> with every <c>{{name}}</c> replaced by its current value.</summary>
    public string Fill(string template)
    {
        var text = new StringBuilder(template);
        // Values come from the servers' answers (a task id may hold any character): escape them for JSON.
        foreach (var (name, value) in _values)
            text.Replace("{{" + name + "}}", JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
        return text.ToString();
    }

    private async Task ReadAsync(HttpResponseMessage response, Stream stream, CancellationToken ct)
    {
        using (response)
        {
            var decoder = new RecordIoDecoder();
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                    foreach (var record in decoder.Feed(buffer.AsSpan(0, read)))
                    {
                        try
                        {
                            await OnEventAsync(record, ct).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // An event of a shape this fuzz framework doesn't use (an update without agent_id, …).
                            EndReason = "event not understood: " + e.Message;
                        }
                    }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                EndReason = e.GetType().Name + ": " + e.Message;
                return;
            }
            EndReason = "the master ended the stream";
        }
    }

    /// <summary>Why the last event stream ended (for reports).</summary>
    public string? EndReason { get; private set; }

    private async Task OnEventAsync(byte[] record, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(record);
        var root = json.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "SUBSCRIBED":
                _values["framework_id"] = root.GetProperty("subscribed").GetProperty("framework_id").GetProperty("value").GetString()!;
                _subscribed.TrySetResult();
                break;
            case "OFFERS":
                foreach (var offer in root.GetProperty("offers").GetProperty("offers").EnumerateArray())
                {
                    var offerId = offer.GetProperty("id").GetProperty("value").GetString()!;
                    var agentId = offer.GetProperty("agent_id").GetProperty("value").GetString()!;
                    var role = offer.TryGetProperty("allocation_info", out var allocation) ? allocation.GetProperty("role").GetString() : "*";
                    _offers[$"{agentId}/{role}"] = offerId;
                    if (ReservedCpus(offer, "fuzz") >= 0.3) _offers[$"{agentId}/reserved:fuzz"] = offerId;
                    _values["agent_id"] = agentId;
                    _values["agent_hostname"] = offer.GetProperty("hostname").GetString()!;
                    _values["offer_id"] = offerId;
                }
                break;
            case "RESCIND":
                // A newer offer of the same agent and role may have replaced it already: only that one is forgotten.
                var rescinded = root.GetProperty("rescind").GetProperty("offer_id").GetProperty("value").GetString();
                foreach (var held in _offers.Where(o => o.Value == rescinded).ToList()) _offers.TryRemove(held);
                break;
            case "ERROR":
                EndReason = "ERROR event: " + root.GetProperty("error").GetProperty("message").GetString();
                break;
            case "UPDATE":
                await OnUpdateAsync(root.GetProperty("update").GetProperty("status"), ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Keeps the newest uuid for ACKNOWLEDGE samples and acknowledges it (the agent sends a task's next update only then).</summary>
    private async Task OnUpdateAsync(JsonElement status, CancellationToken ct)
    {
        var taskId = status.GetProperty("task_id").GetProperty("value").GetString()!;
        _states[taskId] = status.GetProperty("state").GetString()!;
        _reasons[taskId] = (status.TryGetProperty("reason", out var r) ? r.GetString() + ": " : "") + (status.TryGetProperty("message", out var m) ? m.GetString() : "");
        if (!status.TryGetProperty("uuid", out var uuid)) return;
        if (!status.TryGetProperty("agent_id", out var agent)) return;
        var agentId = agent.GetProperty("value").GetString()!;
        // The residents stay out of the samples' KILL, RECONCILE and status calls: every KILL of one costs a new generation.
        if (!taskId.StartsWith("fuzz-resident-", StringComparison.Ordinal) && !taskId.StartsWith("fuzz-executor-task-", StringComparison.Ordinal))
        {
            _values["update_uuid"] = uuid.GetString()!;
            _values["update_task_id"] = taskId;
            _values["update_agent_id"] = agentId;
        }
        var ack = """{"type":"ACKNOWLEDGE","framework_id":{"value":"{{framework_id}}"},"acknowledge":{"agent_id":{"value":"AGENT"},"task_id":{"value":"TASK"},"uuid":"UUID"}}"""
            .Replace("AGENT", agentId, StringComparison.Ordinal).Replace("TASK", taskId, StringComparison.Ordinal).Replace("UUID", uuid.GetString(), StringComparison.Ordinal);
        // Not awaited here: the event stream must keep being read (a master closes a stream whose events pile up).
        _ = Task.Run(async () =>
        {
            try
            {
                await CallAsync(ack, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
            {
            }
        }, CancellationToken.None);
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _offers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.Ordinal);

    /// <summary>The reason and message of the newest update of <paramref name="taskId"/>.</summary>
    public string? LastReason(string taskId) => _reasons.GetValueOrDefault(taskId);

    /// <summary>The newest offer of <paramref name="agentId"/> for <paramref name="role"/> (waits up to 30 s for one).</summary>
    public async Task<string> OfferOfAsync(string agentId, string role, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var key = $"{agentId}/{role}";
        while (!_offers.ContainsKey(key))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fuzz framework: no offer of agent {agentId} for role {role} within 30 s (have: {string.Join(", ", _offers.Keys)}; {EndReason})");
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        return _offers[key];
    }

    /// <summary>Waits until <paramref name="taskId"/> is RUNNING (true) or has ended (false).</summary>
    public async Task<bool> WaitForRunningAsync(string taskId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_states.TryGetValue(taskId, out var now) && now is not ("TASK_STAGING" or "TASK_STARTING")) return now == "TASK_RUNNING";
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fuzz framework: task {taskId} is {now ?? "unknown"}, not TASK_RUNNING, after 30 s");
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Cpus in <paramref name="offer"/> reserved for <paramref name="role"/> (either reservation format).</summary>
    private static double ReservedCpus(JsonElement offer, string role) =>
        offer.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == "cpus" && (
                (r.TryGetProperty("role", out var legacy) && legacy.GetString() == role) ||
                (r.TryGetProperty("reservations", out var stack) && stack.GetArrayLength() > 0 && stack[stack.GetArrayLength() - 1].GetProperty("role").GetString() == role)))
            .Sum(r => r.GetProperty("scalar").GetProperty("value").GetDouble());

    /// <summary>Forgets <paramref name="offerId"/> as the offer of <paramref name="agentId"/> (it proved stale); the next one replaces it.</summary>
    public void ForgetOffer(string agentId, string role, string offerId) =>
        _offers.TryRemove(new KeyValuePair<string, string>($"{agentId}/{role}", offerId));

    private static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        await _readerStop.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        _http.Dispose();
    }
}

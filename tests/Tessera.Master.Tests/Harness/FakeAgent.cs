using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Resources;

namespace Tessera.Master.Tests.Harness;

/// <summary>
/// Speaks the real agent link over HTTP but runs nothing: it registers, holds the command stream,
/// answers pings (unless told to go silent), and lets the test post status updates. Commands it
/// receives are kept for assertions.
/// </summary>
internal sealed class FakeAgent : IAsyncDisposable
{
    private readonly HttpClient _http;
    private RecordStream? _stream;
    private Task? _pump;
    private CancellationTokenSource _stop = new();

    public FakeAgent(Uri master, string hostname = "agent1.test", string resources = "cpus:4;mem:4096;disk:10000;ports:[31000-32000]")
    {
        _http = new HttpClient { BaseAddress = master, Timeout = Timeout.InfiniteTimeSpan };
        Hostname = hostname;
        Resources = ResourceSet.Parse(resources);
    }

    public string Hostname { get; }
    public ResourceSet Resources { get; }
    public string? Id { get; private set; }
    private volatile bool _silent;

    public bool Silent { get => _silent; set => _silent = value; }
    public ConcurrentQueue<AgentCommand> Commands { get; } = new();

    public IReadOnlyList<AgentAttribute>? Attributes { get; init; }

    public async Task<HttpResponseMessage> RegisterRawAsync(string? id = null, IReadOnlyList<MesosTask>? tasks = null, IReadOnlyList<FrameworkInfo>? frameworks = null)
    {
        var registration = new AgentRegistration
        {
            AgentInfo = new AgentInfo
            {
                Hostname = Hostname,
                Port = 5051,
                Resources = ResourceWireForm.ToWire(Resources),
                Attributes = Attributes,
                Id = id is null ? null : AgentID.Of(id),
            },
            Tasks = tasks,
            Frameworks = frameworks,
        };
        return await _http.PostAsync("/agent/v1/register", Json(MesosJson.Serialize(registration)));
    }

    /// <summary>Registers (or re-registers with <paramref name="id"/>) and opens the command stream.</summary>
    public async Task<string> StartAsync(string? id = null, IReadOnlyList<MesosTask>? tasks = null, IReadOnlyList<FrameworkInfo>? frameworks = null)
    {
        var response = await RegisterRawAsync(id ?? Id, tasks, frameworks);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"register answered {(int)response.StatusCode}: {body}");
        Id = MesosJson.Deserialize<AgentRegistered>(body).AgentId.Value;
        await OpenStreamAsync();
        return Id;
    }

    public async Task OpenStreamAsync()
    {
        await CloseStreamAsync();
        _stop = new CancellationTokenSource();
        var request = new HttpRequestMessage(HttpMethod.Post, "/agent/v1/stream") { Content = Json(MesosJson.Serialize(new AgentStreamRequest { AgentId = AgentID.Of(Id!) })) };
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"stream answered {(int)response.StatusCode}");
        _stream = new RecordStream(response);
        var stream = _stream;
        var ct = _stop.Token;
        _pump = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                var record = await stream.NextAsync(TimeSpan.FromSeconds(30));
                if (record is null) { if (stream.Ended) return; continue; }
                var command = MesosJson.Deserialize<AgentCommand>(record);
                if (command.Type == AgentCommandType.PING)
                {
                    if (!Silent) await PongAsync(command.Ping!.Sequence, ct);
                    continue;
                }
                Commands.Enqueue(command);
            }
        }, ct);
    }

    public async Task CloseStreamAsync()
    {
        await _stop.CancelAsync();
        if (_stream is not null) await _stream.DisposeAsync();
        // The pump may be in the middle of a pong to a master that is going away: don't wait on it for ever.
        if (_pump is not null)
        {
            try { await _pump.WaitAsync(TimeSpan.FromSeconds(15)); }
            catch (OperationCanceledException) { }
            catch (HttpRequestException) { }
            catch (TimeoutException) { }
        }
        _stream = null;
    }

    /// <summary>A pong with a deadline of its own (the client has no timeout, for the stream's sake); a master that is gone is not an error here.</summary>
    private async Task PongAsync(long sequence, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var reply = await _http.PostAsync("/agent/v1/pong", Json(MesosJson.Serialize(new AgentPong { AgentId = AgentID.Of(Id!), Sequence = sequence })), deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The next ping, if the master is still there, gets its pong.
        }
    }

    /// <summary>The next command of <paramref name="type"/> (others are kept); fails after the timeout.</summary>
    public async Task<AgentCommand> NextAsync(AgentCommandType type, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var skipped = new List<AgentCommand>();
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                if (Commands.TryDequeue(out var command))
                {
                    if (command.Type == type) return command;
                    skipped.Add(command);
                    continue;
                }
                await Task.Delay(10);
            }
        }
        finally
        {
            foreach (var s in skipped) Commands.Enqueue(s);
        }
        throw new TimeoutException($"agent got no {type} (has: {string.Join(", ", Commands.Select(c => c.Type))})");
    }

    public async Task<(HttpStatusCode Status, ByteString Uuid)> SendStatusAsync(string frameworkId, string taskId, TaskState state, ByteString? uuid = null, string? message = null)
    {
        uuid ??= ByteString.CopyFrom(Guid.NewGuid().ToByteArray());
        var update = new AgentStatusUpdate
        {
            AgentId = AgentID.Of(Id!),
            FrameworkId = FrameworkID.Of(frameworkId),
            Status = new MesosTaskStatus
            {
                TaskId = TaskID.Of(taskId),
                State = state,
                Source = TaskStatusSource.SOURCE_EXECUTOR,
                Uuid = uuid,
                Message = message,
                Timestamp = 1700000000,
            },
        };
        var response = await PostAsync("/agent/v1/status", update);
        return (response.StatusCode, uuid);
    }

    public Task<HttpResponseMessage> PostAsync<T>(string path, T body) => _http.PostAsync(path, Json(MesosJson.Serialize(body)));

    public async ValueTask DisposeAsync()
    {
        await CloseStreamAsync();
        _http.Dispose();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

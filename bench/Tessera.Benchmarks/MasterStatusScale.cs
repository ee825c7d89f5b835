using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.RecordIo;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Master.Hosting;

namespace Tessera.Benchmarks;

/// <summary>
/// Status updates through a real master over loopback HTTP: an agent posts TASK_RUNNING updates for
/// running tasks from several concurrent senders; a subscribed framework reads them off its stream.
/// The figure is updates delivered to the framework per second. Client and master share the machine.
/// </summary>
public static class MasterStatusScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var a = new BenchArgs(args);
        int updates = a.Int("--updates", 50_000), senders = a.Int("--senders", 16), tasks = a.Int("--tasks", 1000);
        // --direct posts straight into the master loop, skipping the agent's HTTP leg, to show what the loop alone sustains.
        var direct = args.Contains("--direct");
        // --batch B: each request carries B updates (/agent/v1/statuses), as an agent with many tasks would send them.
        var batch = a.Int("--batch", 1);
        var workDir = Directory.CreateTempSubdirectory("tessera-bench-").FullName;
        await using var master = await MasterServer.StartAsync(new MasterOptions
        {
            WorkDir = workDir, Port = 0, Registry = "in_memory", AllocationInterval = TimeSpan.FromMilliseconds(50),
            MaxQueuedEvents = updates + 10_000,
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders * 2 }) { BaseAddress = master.Address, Timeout = TimeSpan.FromMinutes(5) };

        var agentId = await RegisterAgent(http, tasks);
        using var agentStream = await Open(http, "/agent/v1/stream", new AgentStreamRequest { AgentId = AgentID.Of(agentId) });
        _ = Pong(http, agentId, agentStream);
        using var frameworkStream = await Open(http, "/api/v1/scheduler", new SchedulerCall
        {
            Type = SchedulerCallType.SUBSCRIBE,
            Subscribe = new SubscribeCall { FrameworkInfo = new FrameworkInfo { User = "bench", Name = "bench" } },
        });
        var streamId = frameworkStream.Headers.GetValues("Mesos-Stream-Id").Single();
        var events = new EventReader(frameworkStream);
        var frameworkId = (await events.Next(SchedulerEventType.SUBSCRIBED)).Subscribed!.FrameworkId.Value;
        var offer = (await events.Next(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        var launch = new SchedulerCall
        {
            Type = SchedulerCallType.ACCEPT,
            FrameworkId = FrameworkID.Of(frameworkId),
            Accept = new AcceptCall
            {
                OfferIds = [offer.Id],
                Operations = [new OfferOperation { Type = OfferOperationType.LAUNCH, Launch = new LaunchOperation { TaskInfos = [.. Enumerable.Range(0, tasks).Select(i => Task(i, agentId))] } }],
            },
        };
        using (var request = Post("/api/v1/scheduler", launch))
        {
            request.Headers.Add("Mesos-Stream-Id", streamId);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var watch = Stopwatch.StartNew();
        var received = events.CountUpdates(updates);
        var next = -1;
        await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            var pending = new List<AgentStatusUpdate>(batch);
            while ((i = Interlocked.Increment(ref next)) < updates || pending.Count > 0)
            {
                if (i >= updates || (batch > 1 && pending.Count == batch))
                {
                    await SendBatch(http, pending);
                    pending.Clear();
                    if (i >= updates) break;
                }
                var update = new AgentStatusUpdate
                {
                    AgentId = AgentID.Of(agentId),
                    FrameworkId = FrameworkID.Of(frameworkId),
                    Status = new MesosTaskStatus { TaskId = TaskID.Of($"t{i % tasks}"), State = TaskState.TASK_RUNNING, Source = TaskStatusSource.SOURCE_EXECUTOR, Uuid = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()) },
                };
                if (batch > 1)
                {
                    pending.Add(update);
                    continue;
                }
                if (direct)
                {
                    var outcome = await master.Loop.AskAsync(rt => rt.Tasks.OnStatusUpdate(update));
                    if (outcome.Status != 202) throw new InvalidOperationException(outcome.Message);
                    continue;
                }
                using var response = await http.SendAsync(Post("/agent/v1/status", update));
                response.EnsureSuccessStatusCode();
            }
        }));
        var sent = watch.Elapsed;
        await received;
        var delivered = watch.Elapsed;
        output.WriteLine($"# {Environment.ProcessorCount} cpus, {tasks} tasks, {senders} concurrent senders {(direct ? "posting into the loop (no agent HTTP)" : $"over loopback HTTP, {batch} update(s) per request")}");
        output.WriteLine($"  posted {updates} updates in {sent.TotalSeconds:F2} s; all delivered to the framework after {delivered.TotalSeconds:F2} s");
        output.WriteLine($"status updates: n={updates} per_second={updates / delivered.TotalSeconds:F0}");
        Directory.Delete(workDir, true);
        return 0;
    }

    private static async Task SendBatch(HttpClient http, List<AgentStatusUpdate> updates)
    {
        using var response = await http.SendAsync(Post("/agent/v1/statuses", new AgentStatusUpdates { Updates = [.. updates] }));
        response.EnsureSuccessStatusCode();
        var receipts = MesosJson.Deserialize<AgentStatusReceipts>(await response.Content.ReadAsByteArrayAsync());
        if (receipts.Receipts.Any(r => r.Code != 202)) throw new InvalidOperationException("an update was not taken");
    }

    private static TaskInfo Task(int i, string agentId) => new()
    {
        Name = $"t{i}",
        TaskId = TaskID.Of($"t{i}"),
        AgentId = AgentID.Of(agentId),
        Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:0.01;mem:1")),
        Command = new CommandInfo { Value = "true" },
    };

    private static async Task<string> RegisterAgent(HttpClient http, int tasks)
    {
        var registration = new AgentRegistration
        {
            AgentInfo = new AgentInfo { Hostname = "bench-agent", Port = 5051, Resources = ResourceWireForm.ToWire(ResourceSet.Parse($"cpus:{tasks};mem:{tasks * 64}")) },
        };
        using var response = await http.SendAsync(Post("/agent/v1/register", registration));
        response.EnsureSuccessStatusCode();
        return MesosJson.Deserialize<AgentRegistered>(await response.Content.ReadAsStringAsync()).AgentId.Value;
    }

    private static async Task<HttpResponseMessage> Open<T>(HttpClient http, string path, T body)
    {
        var response = await http.SendAsync(Post(path, body), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static async Task Pong(HttpClient http, string agentId, HttpResponseMessage stream)
    {
        var decoder = new RecordIoDecoder();
        var buffer = new byte[65536];
        await using var body = await stream.Content.ReadAsStreamAsync();
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0)
            foreach (var record in decoder.Feed(buffer.AsSpan(0, n)))
                if (MesosJson.Deserialize<AgentCommand>(record) is { Type: AgentCommandType.PING } ping)
                    using (await http.SendAsync(Post("/agent/v1/pong", new AgentPong { AgentId = AgentID.Of(agentId), Sequence = ping.Ping!.Sequence }))) { }
    }

    private static HttpRequestMessage Post<T>(string path, T body)
    {
        var content = new ByteArrayContent(MesosJson.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>Reads scheduler events off the stream in order.</summary>
    private sealed class EventReader(HttpResponseMessage response)
    {
        private readonly RecordIoDecoder _decoder = new();
        private readonly Queue<byte[]> _pending = new();
        private Stream? _body;
        private readonly byte[] _buffer = new byte[1 << 16];

        public async Task<SchedulerEvent> Next(SchedulerEventType type)
        {
            while (true)
            {
                var evt = MesosJson.Deserialize<SchedulerEvent>(await Record());
                if (evt.Type == type) return evt;
            }
        }

        public Task CountUpdates(int count) => System.Threading.Tasks.Task.Run(async () =>
        {
            var seen = 0;
            while (seen < count)
            {
                var record = await Record();
                // Cheap check: the type is the first field the master writes.
                if (Encoding.ASCII.GetString(record, 0, Math.Min(20, record.Length)).Contains("\"UPDATE\"")) seen++;
            }
        });

        private async Task<byte[]> Record()
        {
            _body ??= await response.Content.ReadAsStreamAsync();
            while (_pending.Count == 0)
            {
                var n = await _body.ReadAsync(_buffer);
                if (n == 0) throw new EndOfStreamException("the master closed the stream");
                foreach (var r in _decoder.Feed(_buffer.AsSpan(0, n))) _pending.Enqueue(r);
            }
            return _pending.Dequeue();
        }
    }
}

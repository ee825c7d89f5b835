using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Master.Tests.Operator;

public sealed class OperatorStreamTests
{
    private static async Task<(HttpResponseMessage Response, OperatorRecordReader Reader)> SubscribeAsync(OperatorTestMaster master)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1") { Content = new StringContent("""{"type":"SUBSCRIBE"}""", Encoding.UTF8, "application/json") };
        var response = await master.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response, new OperatorRecordReader(await response.Content.ReadAsStreamAsync()));
    }

    [Fact]
    public async Task Subscribe_sends_subscribed_with_the_state_then_agent_added_and_agent_removed()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var existing = await master.RegisterAgentAsync("h0");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (response, reader) = await SubscribeAsync(master);
        using (response)
        {
            var subscribed = await reader.NextAsync(timeout.Token);
            Assert.Equal("SUBSCRIBED", subscribed.GetProperty("type").GetString());
            Assert.Equal(5, subscribed.GetProperty("subscribed").GetProperty("heartbeat_interval_seconds").GetDouble());
            var agents = subscribed.GetProperty("subscribed").GetProperty("get_state").GetProperty("get_agents").GetProperty("agents");
            Assert.Equal(existing, agents[0].GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString());
            Assert.Equal("HEARTBEAT", (await reader.NextAsync(timeout.Token)).GetProperty("type").GetString());

            var id = await master.RegisterAgentAsync("h1");
            var added = await reader.NextOfTypeAsync("AGENT_ADDED", timeout.Token);
            var agent = added.GetProperty("agent_added").GetProperty("agent");
            Assert.Equal("h1", agent.GetProperty("agent_info").GetProperty("hostname").GetString());
            Assert.Equal(id, agent.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString());

            Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync($$$$"""{"type":"MARK_AGENT_GONE","mark_agent_gone":{"agent_id":{"value":"{{{{id}}}}"}}}""")).Status);
            var removed = await reader.NextOfTypeAsync("AGENT_REMOVED", timeout.Token);
            Assert.Equal(id, removed.GetProperty("agent_removed").GetProperty("agent_id").GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task Subscribe_sends_heartbeats_every_interval()
    {
        await using var master = await OperatorTestMaster.StartAsync(heartbeat: TimeSpan.FromMilliseconds(100));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (response, reader) = await SubscribeAsync(master);
        using (response)
        {
            Assert.Equal("SUBSCRIBED", (await reader.NextAsync(timeout.Token)).GetProperty("type").GetString());
            for (var i = 0; i < 3; i++)
                Assert.Equal("HEARTBEAT", (await reader.NextAsync(timeout.Token)).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Each_event_arrives_as_its_own_http_chunk()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(master.Server.Address.Host, master.Server.Address.Port);
        var stream = tcp.GetStream();
        const string body = """{"type":"SUBSCRIBE"}""";
        var request = $"POST /api/v1 HTTP/1.1\r\nHost: {master.Server.Address.Authority}\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var wire = new ChunkedReader(stream);
        var head = await wire.ReadHeadAsync();
        Assert.StartsWith("HTTP/1.1 200", head);
        Assert.Contains("transfer-encoding: chunked", head.ToLowerInvariant());

        async Task<string> OneRecordChunkAsync()
        {
            var chunk = await wire.ReadChunkAsync();
            var decoder = new RecordIoDecoder();
            var record = Assert.Single(decoder.Feed(chunk));
            Assert.True(decoder.IsAtRecordBoundary);
            return JsonDocument.Parse(record).RootElement.GetProperty("type").GetString()!;
        }

        Assert.Equal("SUBSCRIBED", await OneRecordChunkAsync());
        Assert.Equal("HEARTBEAT", await OneRecordChunkAsync());
        await master.RegisterAgentAsync("h1");
        Assert.Equal("AGENT_ADDED", await OneRecordChunkAsync());
    }

    [Fact]
    public async Task A_framework_and_its_task_show_up_in_events_state_and_metrics()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var (opResponse, events) = await SubscribeAsync(master);
        using var _ = opResponse;
        await events.NextOfTypeAsync("SUBSCRIBED", ct);
        var agentId = await master.RegisterAgentAsync("h1");
        await events.NextOfTypeAsync("AGENT_ADDED", ct);

        // A framework through the real Scheduler API.
        var subscribe = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler")
        {
            Content = new StringContent("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"root","name":"demo","roles":["*"],"capabilities":[{"type":"MULTI_ROLE"}]}}}""", Encoding.UTF8, "application/json"),
        };
        using var schedResponse = await master.Http.SendAsync(subscribe, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, schedResponse.StatusCode);
        var streamId = schedResponse.Headers.GetValues("Mesos-Stream-Id").Single();
        var sched = new OperatorRecordReader(await schedResponse.Content.ReadAsStreamAsync(ct));
        var frameworkId = (await sched.NextOfTypeAsync("SUBSCRIBED", ct)).GetProperty("subscribed").GetProperty("framework_id").GetProperty("value").GetString()!;
        var added = await events.NextOfTypeAsync("FRAMEWORK_ADDED", ct);
        Assert.Equal(frameworkId, added.GetProperty("framework_added").GetProperty("framework").GetProperty("framework_info").GetProperty("id").GetProperty("value").GetString());
        var offer = (await sched.NextOfTypeAsync("OFFERS", ct)).GetProperty("offers").GetProperty("offers")[0];
        var offerId = offer.GetProperty("id").GetProperty("value").GetString();

        var accept = $$$$"""
            {"framework_id":{"value":"{{{{frameworkId}}}}"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"{{{{offerId}}}}"}],
             "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"sleep","task_id":{"value":"t1"},"agent_id":{"value":"{{{{agentId}}}}"},
               "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.5},"allocation_info":{"role":"*"}},
                            {"name":"mem","type":"SCALAR","scalar":{"value":128},"allocation_info":{"role":"*"}}],
               "command":{"shell":true,"value":"sleep 30"}}]}}],"filters":{"refuse_seconds":5}}}
            """;
        using (var call = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scheduler") { Content = new StringContent(accept, Encoding.UTF8, "application/json") })
        {
            call.Headers.Add("Mesos-Stream-Id", streamId);
            using var accepted = await master.Http.SendAsync(call, ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        var taskAdded = (await events.NextOfTypeAsync("TASK_ADDED", ct, "FRAMEWORK_UPDATED")).GetProperty("task_added").GetProperty("task");
        Assert.Equal("t1", taskAdded.GetProperty("task_id").GetProperty("value").GetString());
        Assert.Equal("TASK_STAGING", taskAdded.GetProperty("state").GetString());

        var update = $$$$"""
            {"agent_id":{"value":"{{{{agentId}}}}"},"framework_id":{"value":"{{{{frameworkId}}}}"},"status":{"task_id":{"value":"t1"},
             "state":"TASK_RUNNING","source":"SOURCE_EXECUTOR","agent_id":{"value":"{{{{agentId}}}}"},"executor_id":{"value":"t1"},
             "timestamp":1700000000.5,"uuid":"n7jZt2r0Q1mN3S0mS1xG8A=="}}
            """;
        using (var status = await master.Http.PostAsync("/agent/v1/status", new StringContent(update, Encoding.UTF8, "application/json"), ct))
            Assert.Equal(HttpStatusCode.Accepted, status.StatusCode);
        var taskUpdated = (await events.NextOfTypeAsync("TASK_UPDATED", ct, "FRAMEWORK_UPDATED")).GetProperty("task_updated");
        Assert.Equal("TASK_RUNNING", taskUpdated.GetProperty("state").GetString());
        Assert.Equal(frameworkId, taskUpdated.GetProperty("framework_id").GetProperty("value").GetString());

        var metrics = await master.GetJsonUntilAsync("/metrics/snapshot", m => m.GetProperty("master/tasks_running").GetDouble() == 1);
        Assert.Equal(0, metrics.GetProperty("master/tasks_staging").GetDouble());
        Assert.Equal(1, metrics.GetProperty("master/frameworks_active").GetDouble());
        Assert.Equal(1, metrics.GetProperty("master/frameworks_connected").GetDouble());
        Assert.Equal(4, metrics.GetProperty("master/cpus_total").GetDouble());
        Assert.Equal(0.5, metrics.GetProperty("master/cpus_used").GetDouble());
        Assert.Equal(0.125, metrics.GetProperty("master/cpus_percent").GetDouble());
        Assert.Equal(1, metrics.GetProperty("master/messages_status_update").GetDouble());

        var state = await master.GetJsonUntilAsync("/master/state", s => s.GetProperty("frameworks").GetArrayLength() == 1
            && s.GetProperty("frameworks")[0].GetProperty("tasks").GetArrayLength() == 1
            && s.GetProperty("frameworks")[0].GetProperty("tasks")[0].GetProperty("state").GetString() == "TASK_RUNNING");
        var framework = state.GetProperty("frameworks")[0];
        Assert.Equal(frameworkId, framework.GetProperty("id").GetString());
        Assert.Equal("demo", framework.GetProperty("name").GetString());
        Assert.Equal("root", framework.GetProperty("user").GetString());
        Assert.Equal("*", framework.GetProperty("roles")[0].GetString());
        Assert.True(framework.GetProperty("active").GetBoolean());
        Assert.True(framework.GetProperty("connected").GetBoolean());
        Assert.Equal(0.5, framework.GetProperty("used_resources").GetProperty("cpus").GetDouble());
        var task = framework.GetProperty("tasks")[0];
        Assert.Equal("t1", task.GetProperty("id").GetString());
        Assert.Equal("sleep", task.GetProperty("name").GetString());
        Assert.Equal(frameworkId, task.GetProperty("framework_id").GetString());
        Assert.Equal(agentId, task.GetProperty("slave_id").GetString());
        Assert.Equal(128, task.GetProperty("resources").GetProperty("mem").GetDouble());
        Assert.Equal(["TASK_STAGING", "TASK_RUNNING"], task.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("state").GetString()));

        var summary = await master.GetJsonAsync("/master/state-summary");
        Assert.Equal(1, summary.GetProperty("frameworks")[0].GetProperty("TASK_RUNNING").GetInt32());
        Assert.Equal(1, summary.GetProperty("slaves")[0].GetProperty("TASK_RUNNING").GetInt32());
        Assert.Equal(frameworkId, summary.GetProperty("slaves")[0].GetProperty("framework_ids")[0].GetString());

        // TEARDOWN from the operator: the framework goes and subscribers hear of it.
        Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync($$$$"""{"type":"TEARDOWN","teardown":{"framework_id":{"value":"{{{{frameworkId}}}}"}}}""")).Status);
        var frameworkRemoved = await events.NextOfTypeAsync("FRAMEWORK_REMOVED", ct, "TASK_UPDATED", "FRAMEWORK_UPDATED");
        Assert.Equal(frameworkId, frameworkRemoved.GetProperty("framework_removed").GetProperty("framework_info").GetProperty("id").GetProperty("value").GetString());
        var frameworks = (await master.QueryAsync("GET_FRAMEWORKS")).GetProperty("get_frameworks");
        Assert.False(frameworks.TryGetProperty("frameworks", out var live) && live.GetArrayLength() > 0);
        Assert.Equal(1, frameworks.GetProperty("completed_frameworks").GetArrayLength());
    }

    /// <summary>Reads an HTTP/1.1 response head and then its chunks, one at a time, off a raw socket.</summary>
    private sealed class ChunkedReader(NetworkStream stream)
    {
        private readonly List<byte> _buffer = [];

        public async Task<string> ReadHeadAsync()
        {
            var head = new StringBuilder();
            while (true)
            {
                var line = await ReadLineAsync();
                if (line.Length == 0) return head.ToString();
                head.Append(line).Append('\n');
            }
        }

        public async Task<byte[]> ReadChunkAsync()
        {
            var size = Convert.ToInt32((await ReadLineAsync()).Split(';')[0], 16);
            var data = await ReadExactAsync(size);
            Assert.Equal("", await ReadLineAsync());
            return data;
        }

        private async Task<string> ReadLineAsync()
        {
            while (true)
            {
                var at = _buffer.IndexOf((byte)'\n');
                if (at >= 0)
                {
                    var line = Encoding.ASCII.GetString([.. _buffer.Take(at)]).TrimEnd('\r');
                    _buffer.RemoveRange(0, at + 1);
                    return line;
                }
                await FillAsync();
            }
        }

        private async Task<byte[]> ReadExactAsync(int count)
        {
            while (_buffer.Count < count) await FillAsync();
            var data = _buffer.Take(count).ToArray();
            _buffer.RemoveRange(0, count);
            return data;
        }

        private async Task FillAsync()
        {
            var chunk = new byte[8192];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var read = await stream.ReadAsync(chunk, timeout.Token);
            if (read == 0) throw new EndOfStreamException();
            _buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }
}

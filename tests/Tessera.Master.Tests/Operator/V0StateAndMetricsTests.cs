using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;

namespace Tessera.Master.Tests.Operator;

public sealed partial class V0StateAndMetricsTests
{
    [Fact]
    public async Task Master_state_has_the_v0_keys_and_flattened_agent_resources()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        var state = await master.GetJsonUntilAsync("/master/state", s => s.GetProperty("slaves").GetArrayLength() == 1);
        foreach (var key in new[] { "version", "id", "pid", "hostname", "leader", "start_time", "elected_time", "activated_slaves", "deactivated_slaves",
                     "unreachable_slaves", "flags", "slaves", "frameworks", "completed_frameworks", "orphan_tasks", "unregistered_frameworks" })
            Assert.True(state.TryGetProperty(key, out _), $"missing '{key}'");
        Assert.Equal("1.11.0", state.GetProperty("version").GetString());
        Assert.Equal(master.Server.MasterId, state.GetProperty("id").GetString());
        Assert.Equal(state.GetProperty("pid").GetString(), state.GetProperty("leader").GetString());
        Assert.Equal(1, state.GetProperty("activated_slaves").GetInt32());
        Assert.Equal("50ms", state.GetProperty("flags").GetProperty("allocation_interval").GetString());

        var slave = state.GetProperty("slaves")[0];
        Assert.Equal(id, slave.GetProperty("id").GetString());
        Assert.Equal("h1", slave.GetProperty("hostname").GetString());
        Assert.True(slave.GetProperty("active").GetBoolean());
        Assert.True(slave.GetProperty("registered_time").GetDouble() > 1_600_000_000);
        var resources = slave.GetProperty("resources");
        Assert.Equal(4, resources.GetProperty("cpus").GetDouble());
        Assert.Equal(1024, resources.GetProperty("mem").GetDouble());
        Assert.Equal(2048, resources.GetProperty("disk").GetDouble());
        Assert.Equal(0, resources.GetProperty("gpus").GetDouble());
        Assert.Equal("[31000-32000]", resources.GetProperty("ports").GetString());
        foreach (var key in new[] { "used_resources", "offered_resources", "unreserved_resources", "reserved_resources", "attributes" })
            Assert.True(slave.TryGetProperty(key, out _), $"missing slave '{key}'");

        var alias = await master.GetJsonUntilAsync("/master/state.json", s => s.GetProperty("slaves").GetArrayLength() == 1);
        Assert.Equal(id, alias.GetProperty("slaves")[0].GetProperty("id").GetString());
        var summary = await master.GetJsonAsync("/master/state-summary");
        Assert.Equal(0, summary.GetProperty("slaves")[0].GetProperty("TASK_RUNNING").GetInt32());
        Assert.Equal(4, summary.GetProperty("slaves")[0].GetProperty("resources").GetProperty("cpus").GetDouble());
    }

    [Fact]
    public async Task Master_state_is_ascii_even_for_non_ascii_names()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        await master.RegisterAgentAsync("h\u00e9te");
        await master.GetJsonUntilAsync("/master/state", s => s.GetProperty("slaves").GetArrayLength() == 1);
        var bytes = await master.Http.GetByteArrayAsync("/master/state");
        Assert.All(bytes, b => Assert.True(b < 0x80));
        Assert.Contains("\\u00E9", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Redirect_points_at_the_leader_which_is_this_master()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = master.Server.Address };
        using var response = await client.GetAsync("/master/redirect");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"//127.0.0.1:{master.Server.Address.Port}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Metrics_snapshot_is_a_flat_map_with_mesos_names()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        await master.RegisterAgentAsync("h1");
        var metrics = await master.GetJsonUntilAsync("/metrics/snapshot", m => m.GetProperty("master/slaves_active").GetDouble() == 1);
        Assert.Equal(1, metrics.GetProperty("master/elected").GetDouble());
        Assert.True(metrics.GetProperty("master/uptime_secs").GetDouble() >= 0);
        foreach (var state in new[] { "staging", "starting", "running", "killing", "finished", "failed", "killed", "lost", "error", "dropped", "gone", "unreachable" })
            Assert.Equal(0, metrics.GetProperty("master/tasks_" + state).GetDouble());
        Assert.Equal(4, metrics.GetProperty("master/cpus_total").GetDouble());
        Assert.Equal(1024, metrics.GetProperty("master/mem_total").GetDouble());
        Assert.Equal(0, metrics.GetProperty("master/outstanding_offers").GetDouble());
        Assert.True(metrics.TryGetProperty("allocator/mesos/allocation_run_ms", out _));
        var runs = await master.GetJsonUntilAsync("/metrics/snapshot", m => m.GetProperty("allocator/mesos/allocation_runs").GetDouble() > 0);
        Assert.Equal(1, runs.GetProperty("master/slave_registrations").GetDouble());
    }

    [GeneratedRegex(@"^tessera_[a-zA-Z_:][a-zA-Z0-9_:]* (NaN|[+-]Inf|-?[0-9.]+(E[+-]?[0-9]+)?)$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"^# TYPE (tessera_[a-zA-Z0-9_:]+) (counter|gauge)$")]
    private static partial Regex TypeLine();

    [Fact]
    public async Task Metrics_is_valid_prometheus_text()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        using var response = await master.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("", lines[^1]);
        string? typed = null;
        var seen = new HashSet<string>();
        foreach (var line in lines[..^1])
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.True(seen.Add(type.Groups[1].Value), $"duplicate {line}");
                typed = type.Groups[1].Value;
                continue;
            }
            Assert.Matches(Sample(), line);
            Assert.Equal(typed, line.Split(' ')[0]);
        }
        Assert.Contains("tessera_master_elected 1", lines);
        Assert.Contains("# TYPE tessera_master_tasks_finished counter", lines);
        Assert.Contains("# TYPE tessera_master_cpus_total gauge", lines);
        Assert.Contains("# TYPE tessera_allocator_mesos_allocation_runs counter", lines);
    }

    [Fact]
    public async Task The_tessera_master_meter_publishes_the_same_metrics()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        await master.QueryAsync("GET_STATE");
        await master.GetJsonUntilAsync("/metrics/snapshot", m => m.GetProperty("master/elected").GetDouble() == 1);
        var values = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Tessera.Master" && instrument.Name == "master/elected") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (values) values.Add(value); });
        listener.Start();
        listener.RecordObservableInstruments();
        lock (values) Assert.Contains(1.0, values);
    }
}
